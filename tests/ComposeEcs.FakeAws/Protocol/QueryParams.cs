using Microsoft.AspNetCore.WebUtilities;

namespace ComposeEcs.FakeAws;

/// <summary>Form fields of a query-protocol request, with helpers for AWS's flattened lists (X.member.N, Filter.N.Value.M).</summary>
internal sealed class QueryParams(IReadOnlyDictionary<string, string> values)
{
    public static QueryParams Empty { get; } = new(new Dictionary<string, string>());

    public static QueryParams Parse(string body)
    {
        var parsed = QueryHelpers.ParseQuery(body.StartsWith('?') ? body : "?" + body);
        return new(parsed.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal));
    }

    public IReadOnlyDictionary<string, string> Values => values;

    public string? Get(string key) => values.TryGetValue(key, out var v) ? v : null;

    public string Required(string key) =>
        Get(key) is { Length: > 0 } v ? v : throw AwsError.Validation($"1 validation error detected: Value null at '{Lower(key)}' failed to satisfy constraint: Member must not be null");

    public bool Bool(string key) => string.Equals(Get(key), "true", StringComparison.OrdinalIgnoreCase);

    public int? Int(string key) => int.TryParse(Get(key), out var i) ? i : null;

    /// <summary>Values of prefix.1, prefix.2, ... (prefix like "Capabilities.member").</summary>
    public IReadOnlyList<string> List(string prefix)
    {
        var items = new List<string>();
        for (var i = 1; Get($"{prefix}.{i}") is { } v; i++) items.Add(v);
        return items;
    }

    /// <summary>Indexed structures: for prefix "Parameters.member" yields the sub-prefixes "Parameters.member.1", ...</summary>
    public IReadOnlyList<string> Structs(string prefix)
    {
        var items = new List<string>();
        for (var i = 1; values.Keys.Any(k => k.StartsWith($"{prefix}.{i}.", StringComparison.Ordinal)); i++)
            items.Add($"{prefix}.{i}");
        return items;
    }

    private static string Lower(string key) => key.Length == 0 ? key : char.ToLowerInvariant(key[0]) + key[1..];
}
