using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComposeEcs.Aws.Protocols;

/// <summary>Tolerant readers for JSON 1.1 responses (missing members read as null/empty).</summary>
public static class Json
{
    public static string? Str(this JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static string StrOrEmpty(this JsonObject o, string name) => o.Str(name) ?? "";

    public static double? Num(this JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;

    public static int? Int(this JsonObject o, string name) => o.Num(name) is { } d ? (int)d : null;

    public static long? Long(this JsonObject o, string name) => o.Num(name) is { } d ? (long)d : null;

    public static bool Bool(this JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static JsonObject? Obj(this JsonObject o, string name) => o[name] as JsonObject;

    public static IEnumerable<JsonObject> Objects(this JsonObject o, string name) =>
        (o[name] as JsonArray)?.OfType<JsonObject>() ?? [];

    public static IReadOnlyList<string> Strings(this JsonObject o, string name) =>
        (o[name] as JsonArray)?.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList() ?? [];

    /// <summary>JSON 1.1 timestamps are epoch seconds (with fractions); some services send ISO strings.</summary>
    public static DateTimeOffset? EpochSeconds(this JsonObject o, string name)
    {
        if (o.Num(name) is { } seconds)
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        return o.Str(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }

    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>Sets a member only when the value is not null.</summary>
    public static JsonObject With(this JsonObject o, string name, JsonNode? value)
    {
        if (value is not null)
            o[name] = value;
        return o;
    }
}
