using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary><c>x-aws-healthcheck</c> and <c>x-aws-deregistration_delay</c> over <see cref="TargetHealth.Defaults"/>.</summary>
internal static partial class TargetHealthBinding
{
    private const string Name = AwsExtensions.Healthcheck;

    private static readonly ImmutableArray<(string Key, int Min, int Max)> Numbers =
    [
        ("interval", 5, 300), ("timeout", 2, 120), ("healthy_threshold", 2, 10), ("unhealthy_threshold", 2, 10), ("grace_period", 0, 3600),
    ];

    public static TargetHealthSettings Bind(Service service, List<Diagnostic> problems)
    {
        var x = service.Extensions;
        var settings = TargetHealth.Defaults;
        void Problem(string message, SourceLocation? at) =>
            problems.Add(Diagnostic.Error(DiagnosticCodes.TargetHealth, $"service \"{service.Name}\": {message}", at ?? service.Location));
        if (x.Has(AwsExtensions.DeregistrationDelay))
        {
            if (ExtensionValues.ToInt(x.Get(AwsExtensions.DeregistrationDelay)) is (>= 0 and <= 3600) and var delay)
                settings = settings with { DeregistrationDelay = delay };
            else Problem($"{AwsExtensions.DeregistrationDelay}: must be a whole number of seconds (0-3600)", x.At(AwsExtensions.DeregistrationDelay));
        }
        if (!x.Has(Name)) return settings;
        var whole = x.At(Name);
        SourceLocation? At(string key) => service.Fields.Of($"{Name}.{key}") ?? whole;
        if (x.GetMap(Name) is not { } map)
        {
            Problem($"{Name}: must be a map (path, matcher, interval, timeout, healthy_threshold, unhealthy_threshold, grace_period)", whole);
            return settings;
        }
        var numbers = new Dictionary<string, int>();
        foreach (var (key, min, max) in Numbers.Where(n => map.ContainsKey(n.Key)))
        {
            if (ExtensionValues.ToInt(map[key]) is { } n && n >= min && n <= max) numbers[key] = n;
            else Problem($"{Name}: {key}: must be a whole number from {min} to {max}", At(key));
        }
        foreach (var key in map.Keys.Where(k => k is not ("path" or "matcher") && !Numbers.Any(n => n.Key == k)))
            Problem($"{Name}: {key}: unknown; use path, matcher, interval, timeout, healthy_threshold, unhealthy_threshold or grace_period", At(key));
        var path = map.GetValueOrDefault("path") as string;
        if (map.ContainsKey("path") && path is not { Length: > 0 and <= 1024 } || path is not null && !path.StartsWith('/'))
            Problem($"{Name}: path: must start with / (at most 1024 characters)", At("path"));
        var matcher = map.GetValueOrDefault("matcher") switch { string s => s, long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => null };
        if (map.ContainsKey("matcher") && (matcher is null || !MatcherPattern().IsMatch(matcher)))
            Problem($"{Name}: matcher: must be HTTP codes such as \"200\", \"200,302\" or \"200-399\"", At("matcher"));
        settings = settings with
        {
            Interval = numbers.GetValueOrDefault("interval", settings.Interval),
            Timeout = numbers.GetValueOrDefault("timeout", settings.Timeout),
            HealthyThreshold = numbers.GetValueOrDefault("healthy_threshold", settings.HealthyThreshold),
            UnhealthyThreshold = numbers.GetValueOrDefault("unhealthy_threshold", settings.UnhealthyThreshold),
            GracePeriod = numbers.GetValueOrDefault("grace_period", settings.GracePeriod),
            Path = path,
            Matcher = matcher,
        };
        if (settings.Timeout >= settings.Interval)
            Problem($"{Name}: timeout ({settings.Timeout}s) must be shorter than interval ({settings.Interval}s)", whole);
        return settings;
    }

    [GeneratedRegex(@"^[1-5][0-9]{2}(-[1-5][0-9]{2})?(,[1-5][0-9]{2}(-[1-5][0-9]{2})?)*$")]
    private static partial Regex MatcherPattern();
}
