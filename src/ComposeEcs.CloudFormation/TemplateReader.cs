using System.Collections.Immutable;
using System.Text.Json;

namespace ComposeEcs.CloudFormation;

/// <summary>Reads a JSON template back into the tree, keeping key order and numbers' raw text.</summary>
public static class TemplateReader
{
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static Expr FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ToExpr(document.RootElement);
    }

    public static Expr ToExpr(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new MapExpr(element.EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name, ToExpr(p.Value))).ToImmutableArray()),
        JsonValueKind.Array => new ListExpr(element.EnumerateArray().Select(ToExpr).ToImmutableArray()),
        JsonValueKind.String => new Str(element.GetString()!),
        JsonValueKind.Number => new Num(element.GetRawText()),
        JsonValueKind.True => new Bool(true),
        JsonValueKind.False => new Bool(false),
        _ => Null.Instance,
    };
}
