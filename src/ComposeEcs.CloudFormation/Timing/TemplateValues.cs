using System.Globalization;

namespace ComposeEcs.CloudFormation.Timing;

/// <summary>Reads the few literal values the model needs from a template tree; anything computed counts as absent.</summary>
internal static class TemplateValues
{
    public static MapExpr Resources(MapExpr tree) => tree["Resources"] as MapExpr ?? MapExpr.Empty;

    public static string Type(MapExpr resource) => resource["Type"] is Str s ? s.Value : "";

    public static MapExpr Properties(MapExpr resource) => resource["Properties"] as MapExpr ?? MapExpr.Empty;

    public static double? Number(Expr? value) => value switch
    {
        Num n when double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        Str s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static IEnumerable<MapExpr> Maps(Expr? list) => list is ListExpr l ? l.Items.OfType<MapExpr>() : [];

    /// <summary>The logical id a <c>Ref</c> or <c>Fn::GetAtt</c> names, if the value is one.</summary>
    public static string? Target(Expr? value) => value switch
    {
        MapExpr { Entries: [{ Key: "Ref", Value: Str id }] } => id.Value,
        MapExpr { Entries: [{ Key: "Fn::GetAtt", Value: ListExpr { Items: [Str id, ..] } }] } => id.Value,
        MapExpr { Entries: [{ Key: "Fn::GetAtt", Value: Str dotted }] } => dotted.Value.Split('.')[0],
        _ => null,
    };

    public static MapExpr? Resource(MapExpr tree, string? id) => id is null ? null : Resources(tree)[id] as MapExpr;
}
