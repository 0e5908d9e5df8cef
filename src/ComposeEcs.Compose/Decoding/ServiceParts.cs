using System.Collections.Immutable;
using ComposeEcs.Compose.Model;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Decoding;

/// <summary>Smaller service fields with more than one syntax: healthcheck, logging, ulimits, extra_hosts, restart.</summary>
internal static class ServiceParts
{
    private static readonly HashSet<string> HealthKeys = ["test", "interval", "timeout", "retries", "start_period", "start_interval", "disable"];

    public static Healthcheck? Healthcheck(Reader r, YNode? node)
    {
        var map = r.Map(node, "healthcheck");
        if (map is null) return null;
        r.CheckKeys(map, "healthcheck", HealthKeys);
        ImmutableArray<string> test = map["test"] switch
        {
            null or YScalar { IsNull: true } => [],
            YScalar s => s.Value.Length == 0 ? [] : ["CMD-SHELL", s.Value],
            var other => r.StrList(other, "healthcheck.test", allowSingle: false),
        };
        if (test.Length > 0 && test[0] is not ("CMD" or "CMD-SHELL" or "NONE"))
            r.Error("healthcheck.test", $"must start with CMD, CMD-SHELL or NONE, not \"{test[0]}\"", map["test"]);
        var disable = r.Bool(map["disable"], "healthcheck.disable") ?? false;
        return new Healthcheck
        {
            Test = test,
            Interval = r.Duration(map["interval"], "healthcheck.interval"),
            Timeout = r.Duration(map["timeout"], "healthcheck.timeout"),
            Retries = r.Int(map["retries"], "healthcheck.retries"),
            StartPeriod = r.Duration(map["start_period"], "healthcheck.start_period"),
            StartInterval = r.Duration(map["start_interval"], "healthcheck.start_interval"),
            Disable = disable || (test.Length > 0 && test[0] == "NONE"),
        };
    }

    public static Logging? Logging(Reader r, YNode? node)
    {
        var map = r.Map(node, "logging");
        if (map is null) return null;
        r.CheckKeys(map, "logging", new HashSet<string> { "driver", "options" });
        return new Logging(r.Str(map["driver"], "logging.driver")) { Options = r.StrMap(map["options"], "logging.options") };
    }

    public static ImmutableSortedDictionary<string, Ulimit> Ulimits(Reader r, YNode? node)
    {
        var map = r.Map(node, "ulimits");
        if (map is null) return Maps.Empty<Ulimit>();
        var result = new Dictionary<string, Ulimit>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var field = $"ulimits.{entry.Name}";
            if (entry.Value is YMapping m)
            {
                var soft = r.Long(m["soft"], field + ".soft");
                var hard = r.Long(m["hard"], field + ".hard");
                if (soft is null || hard is null) { r.Error(field, "needs soft and hard", m); continue; }
                if (soft > hard) r.Error(field, $"soft limit {soft} exceeds hard limit {hard}", m);
                result[entry.Name] = new Ulimit(soft.Value, hard.Value);
            }
            else if (r.Long(entry.Value, field) is { } single) result[entry.Name] = new Ulimit(single, single);
        }
        return Maps.From(result);
    }

    public static ImmutableArray<string> ExtraHosts(Reader r, YNode? node)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        switch (node)
        {
            case null or YScalar { IsNull: true }: break;
            case YMapping map:
                foreach (var entry in map.Entries)
                {
                    foreach (var ip in r.StrList(entry.Value, $"extra_hosts.{entry.Name}")) result.Add($"{entry.Name}:{ip}");
                }
                break;
            default:
                foreach (var item in r.StrList(node, "extra_hosts", allowSingle: false))
                {
                    var eq = item.IndexOf('=');
                    result.Add(eq >= 0 ? $"{item[..eq]}:{item[(eq + 1)..]}" : item);
                }
                break;
        }
        return result.ToImmutable();
    }

    public static string? Restart(Reader r, YNode? node)
    {
        var value = r.Str(node, "restart");
        if (value is null) return null;
        var policy = value.Split(':')[0];
        if (policy is not ("no" or "always" or "on-failure" or "unless-stopped"))
            r.Error("restart", $"invalid restart policy \"{value}\"", node);
        return value;
    }
}
