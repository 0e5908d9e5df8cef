using System.Collections.Immutable;

namespace ComposeEcs.Compose.Model;

/// <summary>
/// <c>x-*</c> fields kept as plain data. A value is one of: <c>null</c>, <see cref="string"/>, <see cref="bool"/>,
/// <see cref="long"/>, <see cref="double"/>, <see cref="ImmutableArray{T}"/> of values (<c>ImmutableArray&lt;object?&gt;</c>),
/// or <see cref="ImmutableSortedDictionary{TKey,TValue}"/> of values (<c>ImmutableSortedDictionary&lt;string, object?&gt;</c>).
/// </summary>
public sealed record Extensions(ImmutableSortedDictionary<string, object?> Values)
{
    public static readonly Extensions None = new(Maps.Empty<object?>());

    /// <summary>Where each key (and each path below it, <c>x-aws-autoscaling.cpu</c>) is written.</summary>
    public FieldLocations Locations { get; init; } = FieldLocations.None;

    /// <summary>The position of <paramref name="path"/> (a key or a path below one), or null when unknown.</summary>
    public SourceLocation? At(string path) => Locations.Of(path);

    public bool Has(string key) => Values.ContainsKey(key);

    public object? Get(string key) => Values.GetValueOrDefault(key);

    /// <summary>The value as a string when it is a scalar (numbers and booleans formatted invariantly).</summary>
    public string? GetString(string key) => Get(key) switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    public ImmutableArray<object?> GetList(string key) => Get(key) is ImmutableArray<object?> list ? list : [];

    public ImmutableSortedDictionary<string, object?>? GetMap(string key) => Get(key) as ImmutableSortedDictionary<string, object?>;
}
