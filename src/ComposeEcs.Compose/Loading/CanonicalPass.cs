using System.Collections.Immutable;
using System.Globalization;
using ComposeEcs.Compose.Bounds;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Loading;

/// <summary>
/// Rewrites one file's short syntax into the long syntax before files are merged, as compose-go's
/// <c>transform.Canonical</c> does, so that merging compares meanings rather than text: <c>"443:8080"</c> in
/// <c>compose.yaml</c> and <c>{target: 8080, published: 443}</c> in <c>compose.override.yaml</c> are one port.
/// Only what merging keys on is rewritten: <c>ports</c> here; <c>environment</c>, <c>labels</c>, <c>depends_on</c>,
/// <c>networks</c>, <c>extra_hosts</c> and <c>build</c> are brought to their map form by <see cref="Merging"/> itself,
/// and <c>volumes</c>, <c>secrets</c>, <c>configs</c> and <c>env_file</c> merge by a key read from either form.
/// An entry that is not valid short syntax is left as written, for the decoder to report at its position.
/// </summary>
internal static class CanonicalPass
{
    public static YMapping Apply(YMapping root)
    {
        if (root["services"] is not YMapping services) return root;
        var budget = LoadLimits.MaxPorts;
        var changed = services with
        {
            Entries = [.. services.Entries.Select(e => e.Value is YMapping service && service["ports"] is YSequence ports
                ? e with { Value = service.With("ports", Ports(ports, ref budget)) }
                : e)],
        };
        return root.With("services", changed);
    }

    /// <summary>Each short entry becomes one mapping per port it names (a range names several), at the entry's position.</summary>
    private static YSequence Ports(YSequence ports, ref int budget)
    {
        var items = ImmutableArray.CreateBuilder<YNode>(ports.Items.Length);
        foreach (var item in ports.Items)
        {
            // Range widths and the budget are checked before a range is expanded: expanding every "1-65535" first
            // made a few hundred kilobytes of them take minutes.
            if (item is not YScalar { IsNull: false } scalar || item.Tag is not null || budget <= 0 || Decoding.Ports.TooWide(scalar.Value) is not null
                || Decoding.Ports.ParseShort(scalar.Value) is not { } parsed || parsed.Length > budget)
            {
                items.Add(item);
                continue;
            }
            budget -= parsed.Length;
            foreach (var port in parsed)
            {
                var at = scalar.Location;
                var entries = ImmutableArray.CreateBuilder<YEntry>();
                entries.Add(Entry("target", new YScalar(port.Target.ToString(CultureInfo.InvariantCulture), ScalarKind.Int, at)));
                if (port.Published is { } published) entries.Add(Entry("published", YScalar.String(published, at)));
                if (port.HostIp is { } ip) entries.Add(Entry("host_ip", YScalar.String(ip, at)));
                entries.Add(Entry("protocol", YScalar.String(port.Protocol, at)));
                items.Add(new YMapping(entries.ToImmutable(), at));
            }
        }
        return ports with { Items = items.ToImmutable() };
    }

    private static YEntry Entry(string key, YScalar value) => new(YScalar.String(key, value.Location), value);

    /// <summary>
    /// What makes two <c>ports</c> entries the same port (compose-go's port indexer): host address, published port,
    /// target and protocol, with the long syntax's defaults filled in.
    /// </summary>
    public static string PortKey(YNode node) => node switch
    {
        YMapping m => string.Create(CultureInfo.InvariantCulture,
            $"{Text(m["host_ip"]) ?? "0.0.0.0"}:{Text(m["published"]) ?? ""}:{Text(m["target"])}/{(Text(m["protocol"]) ?? "tcp").ToLowerInvariant()}"),
        YScalar s => s.Value,
        _ => node.ToString(),
    };

    private static string? Text(YNode? node) => node is YScalar { IsNull: false } s ? s.Value : null;
}
