using System.Collections;
using System.Globalization;
using System.Text;
using ComposeEcs.Aws.Signing;

namespace ComposeEcs.Aws.Protocols;

/// <summary>The flattened parameters of an AWS query-protocol request, in insertion order.</summary>
public sealed class QueryParameters : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _items = [];

    /// <summary>Adds a parameter; null values are skipped so optional members can be added unconditionally.</summary>
    public QueryParameters Add(string name, string? value)
    {
        if (value is not null)
            _items.Add(KeyValuePair.Create(name, value));
        return this;
    }

    public QueryParameters Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryParameters Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary><c>prefix.member.1=a&amp;prefix.member.2=b</c>, the query protocol's list encoding.</summary>
    public QueryParameters AddList(string prefix, IEnumerable<string>? values, string member = "member")
    {
        var index = 1;
        foreach (var value in values ?? [])
            Add($"{prefix}.{(member.Length == 0 ? "" : member + ".")}{index++}", value);
        return this;
    }

    /// <summary>A list of structures: <paramref name="addMembers"/> receives the prefix <c>prefix.member.N</c> for each item.</summary>
    public QueryParameters AddStructList<T>(string prefix, IEnumerable<T>? items, Action<QueryParameters, string, T> addMembers, string member = "member")
    {
        var index = 1;
        foreach (var item in items ?? [])
            addMembers(this, $"{prefix}.{(member.Length == 0 ? "" : member + ".")}{index++}", item);
        return this;
    }

    /// <summary>The form body <c>name=value&amp;...</c>, RFC 3986 encoded.</summary>
    public string ToFormBody()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in _items)
        {
            if (builder.Length > 0)
                builder.Append('&');
            builder.Append(SigV4.Encode(name)).Append('=').Append(SigV4.Encode(value));
        }
        return builder.ToString();
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
