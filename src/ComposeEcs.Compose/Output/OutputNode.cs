using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ComposeEcs.Yaml;

namespace ComposeEcs.Compose.Output;

/// <summary>A small ordered document tree the writers emit deterministically (keys in insertion order).</summary>
internal sealed class OMap
{
    public List<KeyValuePair<string, object?>> Entries { get; } = [];

    public OMap Add(string key, object? value)
    {
        Entries.Add(new(key, value));
        return this;
    }

    /// <summary>Adds the entry unless the value is null; an empty collection is kept (set-but-empty, as for <c>command: []</c>).</summary>
    public OMap Set(string key, object? value) => value is null ? this : Add(key, value);

    /// <summary>Adds the entry unless the value is null or an empty collection (compose omits unset fields).</summary>
    public OMap Opt(string key, object? value)
    {
        switch (value)
        {
            case null: return this;
            case OMap { Entries.Count: 0 }: return this;
            case List<object?> { Count: 0 }: return this;
        }
        return Add(key, value);
    }
}

internal static class Emit
{
    /// <summary>Through the emitter `convert` uses too, so both print YAML by one set of rules.</summary>
    public static string Yaml(object? root) => YamlEmitter.Write(ToNode(root));

    private static YamlNode ToNode(object? value) => value switch
    {
        null => YamlPlain.Null,
        OMap m => new YamlMap([.. m.Entries.Select(e => KeyValuePair.Create(e.Key, ToNode(e.Value)))]),
        List<object?> l => new YamlList([.. l.Select(ToNode)]),
        bool b => b ? YamlPlain.True : YamlPlain.False,
        long l => new YamlPlain(l.ToString(CultureInfo.InvariantCulture)),
        int i => new YamlPlain(i.ToString(CultureInfo.InvariantCulture)),
        double d => new YamlPlain(FormatDouble(d)),
        _ => new YamlString(value.ToString() ?? ""),
    };

    public static string FormatDouble(double d) =>
        double.IsPositiveInfinity(d) ? ".inf" : double.IsNegativeInfinity(d) ? "-.inf" : double.IsNaN(d) ? ".nan"
        : d.ToString("R", CultureInfo.InvariantCulture) is var s && (s.Contains('.') || s.Contains('E')) ? s : s + ".0";

    public static string Json(object? root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(writer, root);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteJson(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case OMap m:
                w.WriteStartObject();
                foreach (var (k, v) in m.Entries) { w.WritePropertyName(k); WriteJson(w, v); }
                w.WriteEndObject();
                break;
            case List<object?> l:
                w.WriteStartArray();
                foreach (var item in l) WriteJson(w, item);
                w.WriteEndArray();
                break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case double d: w.WriteStringValue(FormatDouble(d)); break;
            default: w.WriteStringValue(value.ToString()); break;
        }
    }

    /// <summary>Extension values (see <see cref="Model.Extensions"/>) to output nodes.</summary>
    public static object? Plain(object? value) => value switch
    {
        ImmutableArray<object?> list => list.Select(Plain).ToList(),
        ImmutableSortedDictionary<string, object?> map => map.Aggregate(new OMap(), (m, kv) => m.Add(kv.Key, Plain(kv.Value))),
        _ => value,
    };
}
