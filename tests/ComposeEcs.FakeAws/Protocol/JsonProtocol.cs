using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComposeEcs.FakeAws;

/// <summary>AWS JSON 1.1 protocol (ECS, CloudWatch Logs, Secrets Manager, SSM): bodies and {"__type","message"} errors.</summary>
internal static class JsonProtocol
{
    public const string ContentType = "application/x-amz-json-1.1";

    public static readonly IReadOnlyDictionary<string, string> TargetPrefixes = new Dictionary<string, string>
    {
        ["ecs"] = "AmazonEC2ContainerServiceV20141113",
        ["logs"] = "Logs_20140328",
        ["secretsmanager"] = "secretsmanager",
        ["ssm"] = "AmazonSSM",
        ["ecr"] = "AmazonEC2ContainerRegistry_V20150921",
        ["tagging"] = "ResourceGroupsTaggingAPI_20170126",
    };

    public static WireResponse Ok(AwsRequest request, JsonObject body) =>
        new(200, ContentType, body.ToJsonString(), request.RequestId);

    public static WireResponse Error(AwsError error, string requestId) =>
        new(error.Status, ContentType, new JsonObject { ["__type"] = error.Code, ["message"] = error.Message }.ToJsonString(), requestId);

    /// <summary>Epoch seconds with fraction, as JSON 1.1 timestamps are sent.</summary>
    public static double Epoch(DateTimeOffset t) => t.ToUnixTimeMilliseconds() / 1000.0;

    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    public static long? Long(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64() : null;

    public static bool? Bool(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind is JsonValueKind.True or JsonValueKind.False ? p.GetBoolean() : null;

    public static IReadOnlyList<string> Strings(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];

    public static string RequiredStr(this JsonElement e, string name) =>
        e.Str(name) ?? throw new AwsError("ValidationException", $"1 validation error detected: Value null at '{name}' failed to satisfy constraint: Member must not be null");

    public static JsonArray Array(IEnumerable<JsonNode?> items) => new(items.ToArray());
}
