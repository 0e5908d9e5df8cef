using ComposeEcs.Compose.Model;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Decoding;

/// <summary>Collects <see cref="FieldLocations"/> from a mapping: every key and list item below it, by path.</summary>
internal static class FieldPaths
{
    /// <summary>Fields written either as a map or as a list of <c>NAME=value</c>.</summary>
    private static readonly HashSet<string> KeyValueLists = new(StringComparer.Ordinal) { "environment", "labels", "annotations", "sysctls", "build.args", "build.labels" };

    public static FieldLocations Of(YMapping? map, Func<YEntry, bool>? include = null, bool recursive = true)
    {
        if (map is null) return FieldLocations.None;
        var paths = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (include is not null && !include(entry)) continue;
            paths[entry.Name] = entry.Key.Location;
            if (recursive) Walk(entry.Value, entry.Name, paths);
        }
        return new FieldLocations(Maps.From(paths));
    }

    private static void Walk(YNode node, string path, Dictionary<string, SourceLocation> paths)
    {
        switch (node)
        {
            case YMapping map:
                foreach (var entry in map.Entries)
                {
                    var child = $"{path}.{entry.Name}";
                    paths.TryAdd(child, entry.Key.Location);
                    Walk(entry.Value, child, paths);
                }
                break;
            case YSequence seq:
                for (var i = 0; i < seq.Items.Length; i++)
                {
                    var child = $"{path}[{i}]";
                    paths.TryAdd(child, seq.Items[i].Location);
                    // NAME=value in the list syntax is at environment.NAME too, as in the map syntax.
                    if (KeyValueLists.Contains(path) && seq.Items[i] is YScalar { IsNull: false } item && item.Value.Split('=')[0] is { Length: > 0 } name)
                        paths.TryAdd($"{path}.{name}", item.Location);
                    Walk(seq.Items[i], child, paths);
                }
                break;
        }
    }
}
