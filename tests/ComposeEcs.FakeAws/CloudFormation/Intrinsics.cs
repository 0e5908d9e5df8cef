using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>What intrinsic functions can see: parameter values, pseudo parameters, created resources.</summary>
internal sealed record EvalContext(
    Template Template,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, PhysicalResource> Resources,
    string StackName,
    string StackId,
    string Region,
    string AccountId);

/// <summary>Evaluates Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::If, conditions, Fn::FindInMap, ...</summary>
internal static partial class Intrinsics
{
    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex SubVariable();

    /// <summary>The evaluated node, or false when it is AWS::NoValue.</summary>
    public static bool TryEvaluate(EvalContext ctx, JsonNode? node, out JsonNode? result)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 1 && obj.First() is var (key, arg) && (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal) || key == "Condition"):
                return TryFunction(ctx, key, arg, out result);
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (k, v) in obj)
                    if (TryEvaluate(ctx, v, out var value)) copy[k] = value;
                result = copy;
                return true;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                    if (TryEvaluate(ctx, item, out var value)) items.Add(value);
                result = items;
                return true;
            default:
                result = node?.DeepClone();
                return true;
        }
    }

    public static JsonNode? Evaluate(EvalContext ctx, JsonNode? node) => TryEvaluate(ctx, node, out var r) ? r : null;

    public static string Text(EvalContext ctx, JsonNode? node) => Evaluate(ctx, node) switch
    {
        JsonArray a => string.Join(',', a.Select(Template.Text)),
        var v => Template.Text(v) ?? v?.ToJsonString() ?? "",
    };

    public static bool Condition(EvalContext ctx, string name) =>
        ctx.Template.Conditions[name] is { } definition && Truthy(Evaluate(ctx, definition));

    private static bool TryFunction(EvalContext ctx, string key, JsonNode? arg, out JsonNode? result)
    {
        result = null;
        var args = arg as JsonArray;
        switch (key)
        {
            case "Ref":
                var name = Template.Text(arg) ?? "";
                if (name == "AWS::NoValue") return false;
                result = Ref(ctx, name);
                return true;
            case "Condition":
                result = Condition(ctx, Template.Text(arg) ?? "");
                return true;
            case "Fn::If" when args is { Count: 3 }:
                return TryEvaluate(ctx, Condition(ctx, Template.Text(args[0]) ?? "") ? args[1] : args[2], out result);
            case "Fn::GetAtt":
                var parts = args is not null ? args.Select(a => Text(ctx, a)).ToArray() : (Template.Text(arg) ?? "").Split('.', 2);
                result = GetAtt(ctx, parts[0], parts.ElementAtOrDefault(1) ?? "");
                return true;
            case "Fn::Sub":
                result = Sub(ctx, args is not null ? Template.Text(args[0]) ?? "" : Template.Text(arg) ?? "", args?.ElementAtOrDefault(1) as JsonObject);
                return true;
            case "Fn::Join" when args is { Count: 2 }:
                var list = Evaluate(ctx, args[1]) as JsonArray ?? [];
                result = string.Join(Template.Text(args[0]) ?? "", list.Select(Template.Text));
                return true;
            case "Fn::Select" when args is { Count: 2 }:
                var from = Evaluate(ctx, args[1]) as JsonArray ?? [];
                var index = int.TryParse(Text(ctx, args[0]), out var i) ? i : 0;
                result = index < from.Count ? from[index]?.DeepClone() : null;
                return true;
            case "Fn::Split" when args is { Count: 2 }:
                result = new JsonArray(Text(ctx, args[1]).Split(Template.Text(args[0]) ?? ",").Select(s => (JsonNode?)s).ToArray());
                return true;
            case "Fn::GetAZs":
                result = new JsonArray($"{ctx.Region}a", $"{ctx.Region}b", $"{ctx.Region}c");
                return true;
            case "Fn::Base64":
                result = Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(ctx, arg)));
                return true;
            case "Fn::FindInMap" when args is { Count: 3 }:
                result = ctx.Template.Mappings[Text(ctx, args[0])]?[Text(ctx, args[1])]?[Text(ctx, args[2])]?.DeepClone();
                return true;
            case "Fn::Equals" when args is { Count: 2 }:
                result = Text(ctx, args[0]) == Text(ctx, args[1]);
                return true;
            case "Fn::Not" when args is { Count: 1 }:
                result = !Truthy(Evaluate(ctx, args[0]));
                return true;
            case "Fn::And" when args is not null:
                result = args.All(a => Truthy(Evaluate(ctx, a)));
                return true;
            case "Fn::Or" when args is not null:
                result = args.Any(a => Truthy(Evaluate(ctx, a)));
                return true;
            case "Fn::ImportValue":
                result = $"imported-{Text(ctx, arg)}";
                return true;
            default:
                result = arg?.DeepClone();
                return true;
        }
    }

    private static bool Truthy(JsonNode? node) => Template.Text(node) == "true";

    public static JsonNode? Ref(EvalContext ctx, string name) => name switch
    {
        "AWS::Region" => ctx.Region,
        "AWS::AccountId" => ctx.AccountId,
        "AWS::StackName" => ctx.StackName,
        "AWS::StackId" => ctx.StackId,
        "AWS::Partition" => "aws",
        "AWS::URLSuffix" => "amazonaws.com",
        "AWS::NotificationARNs" => new JsonArray(),
        _ when ctx.Parameters.TryGetValue(name, out var p) => ParameterValue(ctx, name, p),
        _ when ctx.Resources.TryGetValue(name, out var r) => r.Id,
        _ => $"unresolved-{name}",
    };

    private static JsonNode? ParameterValue(EvalContext ctx, string name, string value) =>
        ctx.Template.Parameters.TryGetValue(name, out var p) && (p.Type.StartsWith("List<", StringComparison.Ordinal) || p.Type == "CommaDelimitedList")
            ? new JsonArray(value.Split(',', StringSplitOptions.TrimEntries).Select(s => (JsonNode?)s).ToArray())
            : value;

    private static JsonNode? GetAtt(EvalContext ctx, string resource, string attribute) =>
        ctx.Resources.TryGetValue(resource, out var r)
            ? r.Attributes.TryGetValue(attribute, out var v) ? v?.DeepClone() : $"{r.Id}/{attribute}"
            : $"unresolved-{resource}.{attribute}";

    private static string Sub(EvalContext ctx, string text, JsonObject? vars) =>
        SubVariable().Replace(text, m =>
        {
            var expr = m.Groups[1].Value;
            if (expr.StartsWith('!')) return "${" + expr[1..] + "}";
            if (vars is not null && vars.ContainsKey(expr)) return Text(ctx, vars[expr]);
            var dot = expr.IndexOf('.');
            if (dot > 0 && !TemplateGraph.IsPseudo(expr)) return Template.Text(GetAtt(ctx, expr[..dot], expr[(dot + 1)..])) ?? "";
            return Ref(ctx, expr) switch { JsonArray a => string.Join(',', a.Select(Template.Text)), var v => Template.Text(v) ?? "" };
        });
}
