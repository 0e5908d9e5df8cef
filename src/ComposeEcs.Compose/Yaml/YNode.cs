using System.Collections.Immutable;

namespace ComposeEcs.Compose.Yaml;

/// <summary>How a scalar resolves under the YAML 1.2 core schema (quoted scalars are always strings).</summary>
public enum ScalarKind { Null, Bool, Int, Float, String }

/// <summary>
/// A parsed YAML node with its source position. The loader's passes (interpolate, merge, extends, include)
/// work on this untyped tree, like compose-go works on <c>map[string]any</c>; decoding to the model comes last.
/// </summary>
public abstract record YNode(SourceLocation Location)
{
    /// <summary>Local tag such as <c>!reset</c> or <c>!override</c>; null when untagged.</summary>
    public string? Tag { get; init; }

    public bool IsReset => Tag == "!reset";
    public bool IsOverride => Tag == "!override";
}

public sealed record YScalar(string Value, ScalarKind Kind, SourceLocation Location) : YNode(Location)
{
    public bool IsNull => Kind == ScalarKind.Null;

    /// <summary>The value as written (after interpolation) when a pass rewrote it, such as a path made absolute.</summary>
    public string? Written { get; init; }

    public static YScalar String(string value, SourceLocation location) => new(value, ScalarKind.String, location);
}

public sealed record YSequence(ImmutableArray<YNode> Items, SourceLocation Location) : YNode(Location);

public sealed record YEntry(YScalar Key, YNode Value)
{
    public string Name => Key.Value;
}

public sealed record YMapping(ImmutableArray<YEntry> Entries, SourceLocation Location) : YNode(Location)
{
    public YNode? this[string key] => Find(key)?.Value;

    public YEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Name == key) return entry;
        }
        return null;
    }

    public bool Has(string key) => Find(key) is not null;

    public YMapping With(string key, YNode value)
    {
        for (var i = 0; i < Entries.Length; i++)
        {
            if (Entries[i].Name == key) return this with { Entries = Entries.SetItem(i, Entries[i] with { Value = value }) };
        }
        return this with { Entries = Entries.Add(new YEntry(YScalar.String(key, value.Location), value)) };
    }

    public YMapping Without(string key) => this with { Entries = Entries.RemoveAll(e => e.Name == key) };

    public static YMapping Empty(SourceLocation location) => new([], location);
}
