using System.Text;

namespace ComposeEcs.Yaml;

/// <summary>Block-style YAML, two-space indent, entries in tree order; see <see cref="YamlScalars"/> for strings.</summary>
public static class YamlEmitter
{
    public static string Write(YamlNode tree)
    {
        var sb = new StringBuilder();
        if (IsBlock(tree)) WriteBlock(sb, tree, 0, firstLineStarted: false);
        else sb.Append(Inline(tree)).Append('\n');
        return sb.ToString();
    }

    /// <summary>True for values written over several lines: non-empty maps and lists.</summary>
    private static bool IsBlock(YamlNode value) => value switch
    {
        YamlMap m => m.Entries.Count > 0,
        YamlList l => l.Items.Count > 0,
        _ => false,
    };

    private static bool IsLiteral(YamlNode value) => value is YamlString s && YamlScalars.FitsLiteralBlock(s.Value);

    private static string Inline(YamlNode value) => value switch
    {
        YamlString s => YamlScalars.Scalar(s.Value),
        YamlPlain p => p.Text,
        YamlMap => "{}",
        YamlList => "[]",
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    /// <summary>
    /// Writes a non-empty map or list whose first line either starts at <paramref name="indent"/> or, when
    /// <paramref name="firstLineStarted"/>, continues a line that already holds a <c>- </c> list marker.
    /// </summary>
    private static void WriteBlock(StringBuilder sb, YamlNode value, int indent, bool firstLineStarted)
    {
        var first = true;
        if (value is YamlMap map)
        {
            foreach (var (key, item) in map.Entries)
            {
                if (!(first && firstLineStarted)) sb.Append(' ', indent);
                first = false;
                sb.Append(Key(key)).Append(':');
                WriteAfterMarker(sb, item, indent);
            }
        }
        else if (value is YamlList list)
        {
            foreach (var item in list.Items)
            {
                if (!(first && firstLineStarted)) sb.Append(' ', indent);
                first = false;
                sb.Append('-');
                if (IsBlock(item))
                {
                    sb.Append(' ');
                    WriteBlock(sb, item, indent + 2, firstLineStarted: true);
                }
                else WriteAfterMarker(sb, item, indent);
            }
        }
    }

    /// <summary>Writes what follows a <c>key:</c> or <c>-</c> at <paramref name="indent"/>.</summary>
    private static void WriteAfterMarker(StringBuilder sb, YamlNode item, int indent)
    {
        if (IsBlock(item))
        {
            sb.Append('\n');
            WriteBlock(sb, item, indent + 2, firstLineStarted: false);
        }
        else if (IsLiteral(item))
        {
            var text = ((YamlString)item).Value;
            sb.Append(' ').Append(YamlScalars.LiteralHeader(text)).Append('\n');
            foreach (var line in YamlScalars.LiteralLines(text))
            {
                if (line.Length > 0) sb.Append(' ', indent + 2).Append(line);
                sb.Append('\n');
            }
        }
        else sb.Append(' ').Append(Inline(item)).Append('\n');
    }

    private static string Key(string key) =>
        key.Contains('\n') || YamlScalars.NeedsQuotes(key) ? YamlScalars.DoubleQuoted(key) : key;
}
