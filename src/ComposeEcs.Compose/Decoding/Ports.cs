using System.Collections.Immutable;
using System.Globalization;
using ComposeEcs.Compose.Bounds;
using ComposeEcs.Compose.Model;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Decoding;

/// <summary>Port short syntax (<c>"127.0.0.1:8080-8081:80-81/udp"</c>) and long syntax to <see cref="ServicePort"/>s.</summary>
internal static class Ports
{
    private static readonly HashSet<string> LongKeys = ["target", "published", "host_ip", "protocol", "mode", "name", "app_protocol"];

    public static ImmutableArray<ServicePort> Read(Reader r, YNode? node, LoadBudget? budget = null)
    {
        budget ??= new LoadBudget();
        var seq = r.Seq(node, "ports");
        if (seq is null) return [];
        var ports = ImmutableArray.CreateBuilder<ServicePort>();
        for (var i = 0; i < seq.Items.Length; i++)
        {
            var item = seq.Items[i];
            var field = $"ports[{i}]";
            switch (item)
            {
                case YMapping map:
                    // Short entries arrive here as mappings too (CanonicalPass), one per port of a range: each counts.
                    if (!budget.SpendPorts(1)) { r.Error(field, TooMany, map, DiagnosticCodes.InputTooLarge); return ports.ToImmutable(); }
                    if (ReadLong(r, map, field) is { } port) ports.Add(port with { Location = map.Location });
                    break;
                case YScalar { IsNull: false } scalar:
                    if (TooWide(scalar.Value) is { } wide) { r.Error(field, wide, scalar, DiagnosticCodes.InputTooLarge); break; }
                    var parsed = ParseShort(scalar.Value);
                    if (parsed is null) r.Error(field, $"invalid port \"{scalar.Value}\"", scalar);
                    else if (!budget.SpendPorts(parsed.Value.Length)) { r.Error(field, TooMany, scalar, DiagnosticCodes.InputTooLarge); return ports.ToImmutable(); }
                    else ports.AddRange(parsed.Value.Select(p => p with { Location = scalar.Location }));
                    break;
                default:
                    r.Error(field, "must be a string, a number or a mapping", item);
                    break;
            }
        }
        return ports.ToImmutable();
    }

    private static ServicePort? ReadLong(Reader r, YMapping map, string field)
    {
        r.CheckKeys(map, field, LongKeys);
        var target = r.Int(map["target"], field + ".target");
        if (target is null)
        {
            if (map["target"] is null) r.Error(field, "target is required", map);
            return null;
        }
        if (target is < 1 or > 65535) { r.Error(field, $"invalid target port {target}", map["target"]); return null; }
        var published = r.Str(map["published"], field + ".published");
        if (published is not null && published.Length > 0 && ParseRange(published) is null)
        {
            r.Error(field, $"invalid published port \"{published}\"", map["published"]);
            return null;
        }
        var protocol = r.Str(map["protocol"], field + ".protocol") ?? "tcp";
        if (!IsProtocol(protocol)) { r.Error(field, $"invalid protocol \"{protocol}\"", map["protocol"]); return null; }
        var mode = r.Str(map["mode"], field + ".mode") ?? "ingress";
        if (mode is not ("ingress" or "host")) { r.Error(field, $"invalid mode \"{mode}\"", map["mode"]); return null; }
        return new ServicePort(target.Value)
        {
            Published = string.IsNullOrEmpty(published) ? null : published,
            HostIp = r.Str(map["host_ip"], field + ".host_ip"),
            Protocol = protocol.ToLowerInvariant(),
            Mode = mode,
            Name = r.Str(map["name"], field + ".name"),
            AppProtocol = r.Str(map["app_protocol"], field + ".app_protocol"),
            Extensions = r.Extensions(map),
        };
    }

    /// <summary>Parses <c>[[ip:]published:]target[/protocol]</c>; null when invalid.</summary>
    public static ImmutableArray<ServicePort>? ParseShort(string spec)
    {
        var protocol = "tcp";
        var body = spec.Trim();
        var slash = body.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = body[(slash + 1)..].ToLowerInvariant();
            body = body[..slash];
            if (!IsProtocol(protocol)) return null;
        }

        string? hostIp = null;
        if (body.StartsWith('['))
        {
            var close = body.IndexOf(']');
            if (close < 0 || close + 1 >= body.Length || body[close + 1] != ':') return null;
            hostIp = body[1..close];
            body = body[(close + 2)..];
        }
        var parts = body.Split(':');
        string? published;
        string target;
        switch (parts.Length)
        {
            case 1: published = null; target = parts[0]; break;
            case 2: published = parts[0]; target = parts[1]; break;
            case 3 when hostIp is null: hostIp = parts[0]; published = parts[1]; target = parts[2]; break;
            default:
                // IPv6 without brackets: everything before the last two colons is the address.
                if (hostIp is not null || parts.Length < 3) return null;
                hostIp = string.Join(':', parts[..^2]);
                published = parts[^2];
                target = parts[^1];
                break;
        }
        // An empty address (":8080:80", Immich's default) is Docker's "all addresses", as if none were written.
        if (hostIp is "") hostIp = null;
        if (hostIp is not null && !IsIp(hostIp)) return null;
        if (string.IsNullOrEmpty(published)) published = null;

        var targets = ParseRange(target);
        if (targets is null || targets.Value.Start < 1) return null;
        var publishedRange = published is null ? null : ParseRange(published);
        if (published is not null && publishedRange is null) return null;

        var (tStart, tEnd) = targets.Value;
        var result = ImmutableArray.CreateBuilder<ServicePort>();
        for (var port = tStart; port <= tEnd; port++)
        {
            string? pub = null;
            if (publishedRange is { } pr)
            {
                if (tEnd > tStart)
                {
                    var (pStart, pEnd) = pr;
                    if (pEnd == pStart) pub = Fmt(pStart + (port - tStart));
                    else if (pEnd - pStart != tEnd - tStart) return null;
                    else pub = Fmt(pStart + (port - tStart));
                }
                else pub = published;
            }
            result.Add(new ServicePort(port) { Published = pub, HostIp = hostIp, Protocol = protocol });
        }
        return result.ToImmutable();
    }

    public static (int Start, int End)? ParseRange(string text)
    {
        var dash = text.IndexOf('-');
        if (dash < 0) return ParsePort(text) is { } p ? (p, p) : null;
        var start = ParsePort(text[..dash]);
        var end = ParsePort(text[(dash + 1)..]);
        if (start is null || end is null || end < start) return null;
        return (start.Value, end.Value);
    }

    private static int? ParsePort(string text) =>
        text.Length is > 0 and <= 5 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var p and >= 0 and <= 65535
            ? p : null;

    private static bool IsIp(string text) =>
        System.Net.IPAddress.TryParse(text, out _) && (text.Contains(':') || text.Count(c => c == '.') == 3);

    private static bool IsProtocol(string protocol) => protocol.ToLowerInvariant() is "tcp" or "udp" or "sctp";

    private static readonly string TooMany = $"more than {LoadLimits.MaxPorts:N0} ports in the project";

    /// <summary>A range that would expand to more ports than <see cref="LoadLimits.MaxPortsPerRange"/> (each published one becomes AWS resources).</summary>
    internal static string? TooWide(string spec)
    {
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(spec, @"(\d{1,5})-(\d{1,5})"))
        {
            var width = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) - int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1;
            if (width > LoadLimits.MaxPortsPerRange)
                return $"port range \"{m.Value}\" spans {width:N0} ports; at most {LoadLimits.MaxPortsPerRange:N0} per range";
        }
        return null;
    }

    private static string Fmt(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>expose</c> entries: <c>"3000"</c>, <c>"3000-3002"</c>, <c>"3000/udp"</c>, expanded one per port.</summary>
    public static ImmutableArray<string> ReadExpose(Reader r, YNode? node, LoadBudget? budget = null)
    {
        budget ??= new LoadBudget();
        var result = ImmutableArray.CreateBuilder<string>();
        var items = r.StrList(node, "expose");
        for (var i = 0; i < items.Length; i++)
        {
            var spec = items[i];
            var slash = spec.IndexOf('/');
            var proto = slash >= 0 ? spec[slash..].ToLowerInvariant() : "";
            var range = ParseRange(slash >= 0 ? spec[..slash] : spec);
            var at = node is YSequence s && i < s.Items.Length ? s.Items[i] : node;
            if (range is null || (proto.Length > 0 && !IsProtocol(proto[1..])))
            {
                r.Error($"expose[{i}]", $"invalid port \"{spec}\"", at);
                continue;
            }
            if (TooWide(spec) is { } wide) { r.Error($"expose[{i}]", wide, at, DiagnosticCodes.InputTooLarge); continue; }
            if (!budget.SpendPorts(range.Value.End - range.Value.Start + 1)) { r.Error($"expose[{i}]", TooMany, at, DiagnosticCodes.InputTooLarge); break; }
            for (var p = range.Value.Start; p <= range.Value.End; p++) result.Add(Fmt(p) + (proto == "/tcp" ? "" : proto));
        }
        return result.ToImmutable();
    }
}
