using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ComposeEcs.Compose.Yaml;

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
    public static string Yaml(object? root)
    {
        var sb = new StringBuilder();
        if (root is OMap map && map.Entries.Count > 0) WriteMap(sb, map, 0);
        else if (root is List<object?> list && list.Count > 0) WriteList(sb, list, 0);
        else sb.Append(Scalar(root)).Append('\n');
        return sb.ToString();
    }

    private static void WriteMap(StringBuilder sb, OMap map, int indent, bool firstInline = false)
    {
        var first = true;
        foreach (var (key, value) in map.Entries)
        {
            if (!(first && firstInline)) sb.Append(' ', indent);
            first = false;
            sb.Append(Key(key)).Append(':');
            WriteValue(sb, value, indent);
        }
    }

    private static void WriteList(StringBuilder sb, List<object?> list, int indent)
    {
        foreach (var item in list)
        {
            sb.Append(' ', indent).Append('-');
            switch (item)
            {
                case OMap { Entries.Count: > 0 } m:
                    sb.Append(' ');
                    WriteMap(sb, m, indent + 2, firstInline: true);
                    break;
                case List<object?> { Count: > 0 } l:
                    sb.Append('\n');
                    WriteList(sb, l, indent + 2);
                    break;
                default:
                    sb.Append(' ').Append(Scalar(item)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteValue(StringBuilder sb, object? value, int indent)
    {
        switch (value)
        {
            case OMap { Entries.Count: > 0 } m:
                sb.Append('\n');
                WriteMap(sb, m, indent + 2);
                break;
            case List<object?> { Count: > 0 } l:
                sb.Append('\n');
                WriteList(sb, l, indent + 2);
                break;
            default:
                sb.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Key(string key) => NeedsQuotes(key) ? Quote(key) : key;

    private static string Scalar(object? value) => value switch
    {
        null => "null",
        OMap => "{}",
        List<object?> => "[]",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        string s => NeedsQuotes(s) ? Quote(s) : s,
        _ => Quote(value.ToString() ?? ""),
    };

    public static string FormatDouble(double d) =>
        double.IsPositiveInfinity(d) ? ".inf" : double.IsNegativeInfinity(d) ? "-.inf" : double.IsNaN(d) ? ".nan"
        : d.ToString("R", CultureInfo.InvariantCulture) is var s && (s.Contains('.') || s.Contains('E')) ? s : s + ".0";

    private static bool NeedsQuotes(string s)
    {
        if (s.Length == 0) return true;
        if (YamlParsing.Resolve(s) != ScalarKind.String) return true;
        if (s.ToLowerInvariant() is "yes" or "no" or "on" or "off" or "y" or "n") return true;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(s[0]) || s[0] == ' ' || s[^1] == ' ' || s[^1] == ':') return true;
        if (s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal)) return true;
        return s.Any(c => char.IsControl(c) || c == '\uFEFF');
    }

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (char.IsControl(c) || c == '\uFEFF') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

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
