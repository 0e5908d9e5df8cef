using System.Collections;
using System.Collections.Immutable;
using System.Globalization;

namespace ComposeEcs.CloudFormation;

/// <summary>Turns plain .NET data (as the compose loader gives <c>x-*</c> extensions) into the template tree.</summary>
public static class PlainData
{
    /// <summary>
    /// null, string, bool, integers, floating point numbers, <see cref="Expr"/> (kept as is), dictionaries with
    /// string keys (entries in the dictionary's own enumeration order, which is sorted for
    /// <see cref="ImmutableSortedDictionary{TKey,TValue}"/>) and any other enumerable (a list).
    /// </summary>
    /// <exception cref="NotSupportedException">A value of another type (a programming error, not a user one).</exception>
    public static Expr ToExpr(object? value) => value switch
    {
        null => Null.Instance,
        Expr e => e,
        string s => new Str(s),
        bool b => new Bool(b),
        int or long or short or byte or uint or ulong or ushort or sbyte or decimal =>
            new Num(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        double d => new Num(d.ToString("R", CultureInfo.InvariantCulture)),
        float f => new Num(f.ToString("R", CultureInfo.InvariantCulture)),
        ImmutableArray<object?> { IsDefault: true } => new ListExpr(ImmutableArray<Expr>.Empty),
        IReadOnlyDictionary<string, object?> map => new MapExpr(map.Select(e => KeyValuePair.Create(e.Key, ToExpr(e.Value))).ToImmutableArray()),
        IDictionary map => new MapExpr(map.Cast<DictionaryEntry>()
            .Select(e => KeyValuePair.Create(Convert.ToString(e.Key, CultureInfo.InvariantCulture)!, ToExpr(e.Value))).ToImmutableArray()),
        IEnumerable list => new ListExpr(list.Cast<object?>().Select(ToExpr).ToImmutableArray()),
        _ => throw new NotSupportedException($"{value.GetType().Name} is not plain data"),
    };
}
