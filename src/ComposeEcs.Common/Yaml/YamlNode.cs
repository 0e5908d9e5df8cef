namespace ComposeEcs.Yaml;

/// <summary>
/// The document tree <see cref="YamlEmitter"/> writes: what `config` (a compose project) and `convert` (a template)
/// turn their own models into, so both print YAML by one set of rules.
/// </summary>
public abstract record YamlNode;

/// <summary>Entries are written in the order given.</summary>
public sealed record YamlMap(IReadOnlyList<KeyValuePair<string, YamlNode>> Entries) : YamlNode;

public sealed record YamlList(IReadOnlyList<YamlNode> Items) : YamlNode;

/// <summary>A string: written plain, as a literal block or double-quoted, whichever reads back as the same string.</summary>
public sealed record YamlString(string Value) : YamlNode;

/// <summary>A number, boolean or null, already in its YAML spelling (<c>80</c>, <c>1.5</c>, <c>true</c>, <c>null</c>).</summary>
public sealed record YamlPlain(string Text) : YamlNode
{
    public static readonly YamlPlain Null = new("null");
    public static readonly YamlPlain True = new("true");
    public static readonly YamlPlain False = new("false");
}
