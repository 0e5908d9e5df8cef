using System.Collections.Immutable;

namespace ComposeEcs.CloudFormation.Tests;

/// <summary>
/// The resource types ComposeEcs emits and the property names each accepts, read from
/// <c>ResourceSpec/resource-types.txt</c> (embedded; its header explains the format).
/// </summary>
/// <param name="Types">Resource type or property type name (<c>AWS::ECS::Service.AwsVpcConfiguration</c>) → its
/// property names, each mapped to the full name of its property type or to null when its value is not looked into.</param>
public sealed record ResourceSpec(ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string?>> Types)
{
    private const string ResourceName = "ComposeEcs.CloudFormation.Tests.resource-types.txt";

    public static ResourceSpec Default { get; } = Load();

    public bool IsResourceType(string type) => Types.ContainsKey(type) && type.StartsWith("AWS::", StringComparison.Ordinal) && !type.Contains('.');

    private static ResourceSpec Load()
    {
        using var stream = typeof(ResourceSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <exception cref="FormatException">A line is malformed, a type is listed twice, or a property type is unknown.</exception>
    public static ResourceSpec Parse(string text)
    {
        var raw = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        Dictionary<string, string?>? current = null;
        var lineNumber = 0;
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            lineNumber++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            if (!char.IsWhiteSpace(line[0]))
            {
                current = new Dictionary<string, string?>(StringComparer.Ordinal);
                if (!raw.TryAdd(line.Trim(), current)) throw new FormatException($"line {lineNumber}: {line.Trim()} is listed twice");
                continue;
            }
            if (current is null) throw new FormatException($"line {lineNumber}: a property before any type");
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (!current.TryAdd(parts[0], parts.Length == 2 ? parts[1] : null))
                throw new FormatException($"line {lineNumber}: {parts[0]} is listed twice");
        }
        var types = raw.ToImmutableSortedDictionary(
            t => t.Key,
            t => t.Value.ToImmutableSortedDictionary(p => p.Key, p => p.Value is null ? null : Resolve(raw, t.Key, p.Value), StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new ResourceSpec(types);
    }

    /// <summary><c>X</c> inside <c>AWS::A::B</c> or <c>AWS::A::B.Y</c> means <c>AWS::A::B.X</c>, else the shared type <c>X</c>.</summary>
    private static string Resolve(Dictionary<string, Dictionary<string, string?>> raw, string owner, string type)
    {
        var resource = owner.Split('.')[0];
        if (raw.ContainsKey($"{resource}.{type}")) return $"{resource}.{type}";
        if (raw.ContainsKey(type)) return type;
        throw new FormatException($"{owner}: property type {type} is not listed");
    }
}
