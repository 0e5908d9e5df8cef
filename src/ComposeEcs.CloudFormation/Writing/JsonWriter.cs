using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ComposeEcs.CloudFormation;

/// <summary>JSON through <see cref="Utf8JsonWriter"/>: no reflection, numbers written as their raw text.</summary>
internal static class JsonWriter
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        IndentSize = 2,
        IndentCharacter = ' ',
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Expr tree, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact)) Write(writer, tree);
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>
    /// Keeps the number's exact text. <see cref="Utf8JsonWriter.WriteRawValue(string, bool)"/> would too, but ignores
    /// indentation inside arrays; a parsed <see cref="JsonElement"/> writes its raw text with the right layout.
    /// </summary>
    private static void WriteNumber(Utf8JsonWriter writer, string text)
    {
        using var document = JsonDocument.Parse(text);
        if (document.RootElement.ValueKind != JsonValueKind.Number)
            throw new FormatException($"'{text}' is not a JSON number");
        document.RootElement.WriteTo(writer);
    }

    private static void Write(Utf8JsonWriter writer, Expr value)
    {
        switch (value)
        {
            case Str s: writer.WriteStringValue(s.Value); break;
            case Num n: WriteNumber(writer, n.Text); break;
            case Bool b: writer.WriteBooleanValue(b.Value); break;
            case Null: writer.WriteNullValue(); break;
            case ListExpr list:
                writer.WriteStartArray();
                foreach (var item in list.Items) Write(writer, item);
                writer.WriteEndArray();
                break;
            case MapExpr map:
                writer.WriteStartObject();
                foreach (var (key, item) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }
                writer.WriteEndObject();
                break;
            default: throw new NotSupportedException(value.GetType().Name);
        }
    }
}
