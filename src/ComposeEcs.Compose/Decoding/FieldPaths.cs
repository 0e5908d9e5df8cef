using ComposeEcs.Compose.Model;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Decoding;

/// <summary>Collects <see cref="FieldLocations"/> from a mapping: every key and list item below it, by path.</summary>
internal static class FieldPaths
{
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
                    Walk(seq.Items[i], child, paths);
                }
                break;
        }
    }
}
