using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComposeEcs.FakeAws.CloudFormation;

internal sealed record TemplateParameter(string Name, string Type, string? Default, bool NoEcho, string? Description, IReadOnlyList<string> AllowedValues);

internal sealed record TemplateResource(
    string LogicalId,
    string Type,
    JsonNode? Properties,
    IReadOnlyList<string> DependsOn,
    string? DeletionPolicy,
    string? Condition);

/// <summary>A parsed template. JSON nodes are treated as immutable once parsed.</summary>
internal sealed record Template(
    string Body,
    JsonObject Root,
    string? Description,
    IReadOnlyDictionary<string, TemplateParameter> Parameters,
    IReadOnlyDictionary<string, TemplateResource> Resources,
    JsonObject Outputs,
    JsonObject Conditions,
    JsonObject Mappings)
{
    public static Template Parse(string body)
    {
        var root = ParseRoot(body);
        Materialize(root);
        var resources = root["Resources"] as JsonObject;
        if (resources is null || resources.Count == 0)
            throw AwsError.Validation("Template format error: At least one Resources member must be defined.");
        return new Template(
            body,
            root,
            root["Description"]?.GetValue<string>(),
            ParseParameters(root["Parameters"] as JsonObject),
            resources.ToDictionary(kv => kv.Key, kv => ParseResource(kv.Key, kv.Value), StringComparer.Ordinal),
            root["Outputs"] as JsonObject ?? [],
            root["Conditions"] as JsonObject ?? [],
            root["Mappings"] as JsonObject ?? []);
    }

    private static JsonObject ParseRoot(string body)
    {
        var trimmed = body.TrimStart();
        if (!trimmed.StartsWith('{')) return YamlTemplate.ToJson(body);
        try
        {
            return JsonNode.Parse(body) as JsonObject
                ?? throw AwsError.Validation("Template format error: JSON not well-formed.");
        }
        catch (JsonException e)
        {
            throw AwsError.Validation($"Template format error: JSON not well-formed. (line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1})");
        }
    }

    private static Dictionary<string, TemplateParameter> ParseParameters(JsonObject? parameters) =>
        (parameters ?? []).ToDictionary(
            kv => kv.Key,
            kv => new TemplateParameter(
                kv.Key,
                Text(kv.Value?["Type"]) ?? "String",
                Text(kv.Value?["Default"]),
                string.Equals(Text(kv.Value?["NoEcho"]), "true", StringComparison.OrdinalIgnoreCase),
                Text(kv.Value?["Description"]),
                (kv.Value?["AllowedValues"] as JsonArray)?.Select(Text).OfType<string>().ToList() ?? []),
            StringComparer.Ordinal);

    private static TemplateResource ParseResource(string logicalId, JsonNode? node)
    {
        if (node is not JsonObject obj || Text(obj["Type"]) is not { } type)
            throw AwsError.Validation($"Template format error: [/Resources/{logicalId}] Every Resources object must contain a Type member.");
        var dependsOn = obj["DependsOn"] switch
        {
            JsonArray a => a.Select(Text).OfType<string>().ToList(),
            JsonValue v => [v.ToString()],
            _ => new List<string>(),
        };
        return new TemplateResource(logicalId, type, obj["Properties"], dependsOn, Text(obj["DeletionPolicy"]), Text(obj["Condition"]));
    }

    /// <summary>Parsed JSON nodes build their children lazily; doing it once here makes later concurrent reads safe.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj) Materialize(child);
                break;
            case JsonArray array:
                foreach (var child in array) Materialize(child);
                break;
        }
    }

    /// <summary>A scalar as CloudFormation sees it: numbers and booleans are strings too.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => v.ToJsonString(),
        }
        : null;
}
