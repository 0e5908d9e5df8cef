using System.Collections.Immutable;

namespace ComposeEcs.CloudFormation.Tests;

/// <summary>
/// The resource types ComposeEcs emits, the properties each accepts and what their values must look like, read from
/// <c>ResourceSpec/resource-types.txt</c> (embedded; its header explains the format).
/// </summary>
/// <param name="Properties">Resource type or property type name (<c>AWS::ECS::Service.AwsVpcConfiguration</c>), or
/// <see cref="ResourceAttributesName"/> → its properties.</param>
public sealed record ResourceSpec(ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, PropertySpec>> Properties)
{
    private const string ResourceName = "ComposeEcs.CloudFormation.Tests.resource-types.txt";

    /// <summary>The block listing the attributes of a resource entry (Type, Properties, DeletionPolicy, ...).</summary>
    public const string ResourceAttributesName = "ResourceAttributes";

    public static ResourceSpec Default { get; } = Load();

    /// <summary>Type name → its property names, each mapped to the full name of its property type (for an object, a
    /// list of objects or a map of objects) or to null when its value is not an object of a listed type.</summary>
    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string?>> Types { get; } =
        Properties.ToImmutableSortedDictionary(
            t => t.Key,
            t => t.Value.ToImmutableSortedDictionary(p => p.Key, p => p.Value.Shape.NestedType, StringComparer.Ordinal),
            StringComparer.Ordinal);

    public bool IsResourceType(string type) => Properties.ContainsKey(type) && type.StartsWith("AWS::", StringComparison.Ordinal) && !type.Contains('.');

    private static ResourceSpec Load()
    {
        using var stream = typeof(ResourceSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <exception cref="FormatException">A line is malformed, a type or property is listed twice, or a property
    /// type is unknown.</exception>
    public static ResourceSpec Parse(string text)
    {
        var raw = new Dictionary<string, Dictionary<string, (int Line, string Text)>>(StringComparer.Ordinal);
        Dictionary<string, (int, string)>? current = null;
        var lineNumber = 0;
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            lineNumber++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            if (!char.IsWhiteSpace(line[0]))
            {
                current = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
                if (!raw.TryAdd(line.Trim(), current)) throw new FormatException($"line {lineNumber}: {line.Trim()} is listed twice");
                continue;
            }
            if (current is null) throw new FormatException($"line {lineNumber}: a property before any type");
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new FormatException($"line {lineNumber}: expected 'Name: Type', found '{line.Trim()}'");
            if (!current.TryAdd(parts[0], (lineNumber, parts[1])))
                throw new FormatException($"line {lineNumber}: {parts[0]} is listed twice");
        }
        var properties = raw.ToImmutableSortedDictionary(
            t => t.Key,
            t => t.Value.ToImmutableSortedDictionary(p => p.Key, p => ParseProperty(raw, t.Key, p.Value.Line, p.Value.Text), StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new ResourceSpec(properties);
    }

    /// <summary><c>Type[, required][, one of A | B][, matching REGEX]</c>; the regex runs to the end of the line.</summary>
    private static PropertySpec ParseProperty(IReadOnlyDictionary<string, Dictionary<string, (int, string)>> raw, string owner, int line, string text)
    {
        string? pattern = null;
        if (text.IndexOf(", matching ", StringComparison.Ordinal) is var at and >= 0)
        {
            pattern = text[(at + ", matching ".Length)..].Trim();
            text = text[..at];
            try { _ = new System.Text.RegularExpressions.Regex(pattern); }
            catch (ArgumentException e) { throw new FormatException($"line {line}: '{pattern}' is not a regular expression: {e.Message}"); }
        }
        var clauses = text.Split(',', StringSplitOptions.TrimEntries);
        var required = false;
        var allowed = ImmutableArray<string>.Empty;
        foreach (var clause in clauses.Skip(1))
        {
            if (clause == "required") required = true;
            else if (clause.StartsWith("one of ", StringComparison.Ordinal))
                allowed = [.. clause["one of ".Length..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            else throw new FormatException($"line {line}: unknown clause '{clause}' (expected 'required', 'one of A | B' or 'matching REGEX')");
        }
        var shape = ParseShape(raw, owner, line, clauses[0]);
        if ((allowed.Length > 0 || pattern is not null) && shape is not ScalarShape and not ListShape { Item: ScalarShape })
            throw new FormatException($"line {line}: 'one of' and 'matching' need a scalar or a list of scalars, not {clauses[0]}");
        return new PropertySpec(shape, required, allowed, pattern);
    }

    private static ValueShape ParseShape(IReadOnlyDictionary<string, Dictionary<string, (int, string)>> raw, string owner, int line, string text) => text switch
    {
        "String" => new ScalarShape(ScalarKind.String),
        "Integer" => new ScalarShape(ScalarKind.Integer),
        "Number" => new ScalarShape(ScalarKind.Number),
        "Boolean" => new ScalarShape(ScalarKind.Boolean),
        "Json" => new JsonShape(),
        "Any" => new AnyShape(),
        "Map" => new MapShape(null),
        _ when text.StartsWith("List of ", StringComparison.Ordinal) => new ListShape(ParseShape(raw, owner, line, text["List of ".Length..])),
        _ when text.StartsWith("Map of ", StringComparison.Ordinal) => new MapShape(ParseShape(raw, owner, line, text["Map of ".Length..])),
        _ => new NestedShape(Resolve(raw, owner, line, text)),
    };

    /// <summary><c>X</c> inside <c>AWS::A::B</c> or <c>AWS::A::B.Y</c> means <c>AWS::A::B.X</c>, else the shared type <c>X</c>.</summary>
    private static string Resolve(IReadOnlyDictionary<string, Dictionary<string, (int, string)>> raw, string owner, int line, string type)
    {
        var resource = owner.Split('.')[0];
        if (raw.ContainsKey($"{resource}.{type}")) return $"{resource}.{type}";
        if (raw.ContainsKey(type)) return type;
        throw new FormatException($"line {line}: {owner}: property type {type} is not listed");
    }
}
