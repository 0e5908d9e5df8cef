using System.Collections.Immutable;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Loading;

/// <summary>
/// The compose spec's merge rules for several <c>-f</c> files and for <c>extends</c>: mappings merge, most sequences
/// are replaced, some sequences append (unique) or merge by key, <c>!reset</c> removes and <c>!override</c> replaces.
/// </summary>
public static class Merging
{
    private static readonly HashSet<string> CollectionRoots = ["services", "networks", "volumes", "secrets", "configs"];
    private static readonly HashSet<string> Replace = ["services.*.command", "services.*.entrypoint", "services.*.healthcheck.test"];
    private static readonly HashSet<string> MergeAsMap =
    [
        "services.*.environment", "services.*.labels", "services.*.sysctls", "services.*.deploy.labels", "services.*.build.args",
        "services.*.extra_hosts", "services.*.depends_on", "services.*.networks", "services.*.annotations",
        "networks.*.labels", "volumes.*.labels", "secrets.*.labels", "configs.*.labels",
    ];
    private static readonly HashSet<string> AppendUnique =
    [
        "services.*.expose", "services.*.dns", "services.*.dns_search", "services.*.dns_opt",
        "services.*.cap_add", "services.*.cap_drop", "services.*.profiles", "services.*.links", "services.*.tmpfs",
        "services.*.devices", "services.*.security_opt", "services.*.env_file", "services.*.networks.*.aliases",
        "services.*.external_links", "services.*.group_add",
    ];

    public static YNode MergeDocuments(YNode first, YNode second) => Merge(first, second, "") ?? first;

    /// <summary>Merges <paramref name="over"/> onto <paramref name="base"/>; null means the key is removed.</summary>
    public static YNode? Merge(YNode? @base, YNode over, string path)
    {
        if (over.IsReset) return null;
        if (over.IsOverride) return StripResets(over with { Tag = null });
        if (@base is null || @base.IsReset) return StripResets(over);

        if (Replace.Contains(path)) return StripResets(over);
        if (MergeAsMap.Contains(path)) return MergeMaps(ToMap(@base, path), ToMap(over, path), path);
        if (AppendUnique.Contains(path) && AsSequence(@base) is { } bs && AsSequence(over) is { } os) return AppendBy(bs, os, n => IdentityKey(n, path));
        if (path == "services.*.volumes" && @base is YSequence bv && over is YSequence ov) return ReplaceBy(bv, ov, VolumeTarget);
        if (path == "services.*.ports" && @base is YSequence bp && over is YSequence op) return ReplaceBy(bp, op, CanonicalPass.PortKey);
        if (path == "services.*.secrets" && @base is YSequence bsec && over is YSequence osec) return ReplaceBy(bsec, osec, n => FileTarget(n, "/run/secrets"));
        if (path == "services.*.configs" && @base is YSequence bcfg && over is YSequence ocfg) return ReplaceBy(bcfg, ocfg, n => FileTarget(n, ""));
        if (path == "services.*.build") return MergeMaps(BuildToMap(@base), BuildToMap(over), path);
        if (path == "services.*.logging" && @base is YMapping bl && over is YMapping ol
            && bl["driver"] is YScalar bd && ol["driver"] is YScalar od && bd.Value != od.Value)
            return StripResets(ol);
        if (@base is YMapping bm && over is YMapping om) return MergeMaps(bm, om, path);
        return StripResets(over);
    }

    /// <summary>Fields such as <c>dns</c> and <c>env_file</c> accept one string for a one-element list.</summary>
    private static YSequence? AsSequence(YNode node) => node switch
    {
        YSequence s => s,
        YScalar { IsNull: false } or YMapping => new YSequence([node], node.Location),
        _ => null,
    };

    public static string Child(string path, string key)
    {
        if (path.Length == 0) return key;
        if (CollectionRoots.Contains(path) || path is "services.*.ulimits" or "services.*.networks") return path + ".*";
        return path + "." + key;
    }

    private static YMapping MergeMaps(YMapping @base, YMapping over, string path)
    {
        // Indexed by name: merging two files of thousands of services stays linear.
        var entries = new List<YEntry?>(@base.Entries);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++) index.TryAdd(entries[i]!.Name, i);
        foreach (var entry in over.Entries)
        {
            var at = index.TryGetValue(entry.Name, out var i) && entries[i] is not null ? i : -1;
            var merged = Merge(at >= 0 ? entries[at]!.Value : null, entry.Value, Child(path, entry.Name));
            if (merged is null)
            {
                if (at >= 0) { entries[at] = null; index.Remove(entry.Name); }
            }
            else if (at >= 0) entries[at] = entries[at]! with { Value = merged };
            else
            {
                index[entry.Name] = entries.Count;
                entries.Add(entry with { Value = merged });
            }
        }
        return @base with { Entries = [.. entries.OfType<YEntry>()], Tag = null };
    }

    private static YSequence AppendBy(YSequence @base, YSequence over, Func<YNode, string> key)
    {
        var items = @base.Items.ToList();
        var seen = items.Select(key).ToHashSet(StringComparer.Ordinal);
        foreach (var item in over.Items)
        {
            if (item.IsReset) continue;
            if (seen.Add(key(item))) items.Add(StripResets(item));
        }
        return @base with { Items = [.. items], Tag = null };
    }

    private static YSequence ReplaceBy(YSequence @base, YSequence over, Func<YNode, string> key)
    {
        var items = @base.Items.ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++) index.TryAdd(key(items[i]), i);
        foreach (var item in over.Items)
        {
            var k = key(item);
            if (index.TryGetValue(k, out var at)) items[at] = StripResets(item);
            else
            {
                index[k] = items.Count;
                items.Add(StripResets(item));
            }
        }
        return @base with { Items = [.. items], Tag = null };
    }

    private static string IdentityKey(YNode node, string path) => node switch
    {
        YScalar e when path == "services.*.expose" && e.Value.EndsWith("/tcp", StringComparison.OrdinalIgnoreCase) => e.Value[..^4],
        YScalar s => s.Value,
        YMapping m when path == "services.*.env_file" => (m["path"] as YScalar)?.Value ?? "",
        _ => node.ToString(),
    };

    public static string VolumeTarget(YNode node) => node switch
    {
        YMapping m => (m["target"] as YScalar)?.Value ?? "",
        YScalar s => ShortVolumeTarget(s.Value),
        _ => "",
    };

    private static string ShortVolumeTarget(string spec)
    {
        var parts = spec.Split(':');
        return parts.Length >= 2 ? parts[1] : parts[0];
    }

    /// <summary>Where a secret or config is mounted, as compose-go's mount indexer keys it: a short entry or a long one without
    /// a <c>target</c> lands at <paramref name="defaultDir"/>/source, so <c>db_pass</c> and
    /// <c>{source: db_pass, target: /run/secrets/db_pass}</c> are one mount.</summary>
    private static string FileTarget(YNode node, string defaultDir)
    {
        var target = node switch
        {
            YMapping m => (m["target"] as YScalar)?.Value ?? (m["source"] as YScalar)?.Value ?? "",
            YScalar s => s.Value,
            _ => "",
        };
        return target.StartsWith('/') ? target : $"{defaultDir}/{target}";
    }

    private static YMapping BuildToMap(YNode node) => node switch
    {
        YMapping m => m,
        _ => new YMapping([new YEntry(YScalar.String("context", node.Location), node)], node.Location),
    };

    /// <summary>Turns the list syntax (<c>KEY=VALUE</c>, <c>KEY</c>, names) into the map syntax so both merge alike.</summary>
    public static YMapping ToMap(YNode node, string path)
    {
        if (node is YMapping map) return map;
        if (node is not YSequence seq) return YMapping.Empty(node.Location);
        var entries = new List<YEntry>();
        foreach (var item in seq.Items)
        {
            if (item is not YScalar s) continue;
            string key;
            YNode value;
            var separator = path == "services.*.extra_hosts" ? SeparatorIndex(s.Value, '=', ':') : s.Value.IndexOf('=');
            if (path is "services.*.depends_on" or "services.*.networks" || separator < 0)
            {
                key = s.Value;
                value = path == "services.*.depends_on" || path == "services.*.networks"
                    ? new YScalar("", ScalarKind.Null, s.Location)
                    : new YScalar("", ScalarKind.Null, s.Location);
            }
            else
            {
                key = s.Value[..separator];
                value = YScalar.String(s.Value[(separator + 1)..], s.Location);
            }
            entries.RemoveAll(e => e.Name == key);
            entries.Add(new YEntry(YScalar.String(key, s.Location), value));
        }
        return new YMapping([.. entries], node.Location);
    }

    private static int SeparatorIndex(string value, char first, char second)
    {
        var index = value.IndexOf(first);
        return index >= 0 ? index : value.IndexOf(second);
    }

    /// <summary>Drops entries tagged <c>!reset</c> (they only mean something against a base) and clears <c>!override</c>.</summary>
    public static YNode StripResets(YNode node) => node switch
    {
        YMapping m when m.Entries.Any(e => e.Value.Tag is not null) || m.Entries.Any(e => e.Value is YMapping or YSequence) =>
            m with { Entries = [.. m.Entries.Where(e => !e.Value.IsReset).Select(e => e with { Value = StripResets(e.Value) })], Tag = null },
        YSequence s => s with { Items = [.. s.Items.Where(i => !i.IsReset).Select(StripResets)], Tag = null },
        _ => node.IsOverride ? node with { Tag = null } : node,
    };
}
