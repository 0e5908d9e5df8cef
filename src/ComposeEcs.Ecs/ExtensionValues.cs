using System.Collections.Immutable;
using ComposeEcs.CloudFormation;

namespace ComposeEcs.Ecs;

/// <summary>Turns <c>x-*</c> values (plain data, see <see cref="Compose.Model.Extensions"/>) into template values.</summary>
internal static class ExtensionValues
{
    public static Expr ToExpr(object? value) => value switch
    {
        null => Null.Instance,
        string s => s,
        bool b => b,
        long l => l,
        int i => i,
        double d => d,
        ImmutableArray<object?> list => new ListExpr(list.Select(ToExpr).ToImmutableArray()),
        ImmutableSortedDictionary<string, object?> map => new MapExpr(map.Select(e => KeyValuePair.Create(e.Key, ToExpr(e.Value))).ToImmutableArray()),
        _ => value.ToString() ?? "",
    };

    public static int? ToInt(object? value) => value switch
    {
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        int i => i,
        double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        string s when int.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };
}
