using System.Globalization;
using System.Text;

namespace ComposeEcs.Yaml;

/// <summary>
/// How a string is written in YAML so that both YAML 1.1 and YAML 1.2 parsers read back the same string.
/// The rule: plain when nothing could misread it, a literal block (<c>|</c>, <c>|-</c> or <c>|+</c>) for
/// multi-line text made of printable characters, otherwise a double-quoted string with escapes.
/// </summary>
public static class YamlScalars
{
    // Every spelling YAML 1.1 or 1.2 resolves to a bool or null; compared case-insensitively, which also covers
    // odd casings ("tRUE") that a parser would not resolve, so those are quoted too (harmless).
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "=", "<<",
        ".inf", "+.inf", "-.inf", ".nan",
    };

    private const string LeadingIndicators = "-?:,[]{}#&*!|>'\"%@`";

    public static bool NeedsQuotes(string value)
    {
        if (value.Length == 0 || Reserved.Contains(value)) return true;
        if (LeadingIndicators.Contains(value[0])) return true;
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) return true;
        if (LooksNumeric(value)) return true;
        if (value.EndsWith(':') || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal)) return true;
        foreach (var c in value)
            if (!IsPlainSafe(c)) return true;
        return false;
    }

    /// <summary>
    /// Anything that starts like a number (a digit, or a sign or dot then a digit) is quoted. This covers ints,
    /// octals (<c>080</c>, <c>0o7</c>), hex, floats (<c>1e3</c>, <c>.5</c>), <c>1_000</c>, sexagesimals (<c>1:20</c>),
    /// and dates (<c>2010-09-09</c>), at the price of also quoting some harmless strings such as CIDR blocks.
    /// </summary>
    private static bool LooksNumeric(string value)
    {
        var i = 0;
        if (value[i] is '+' or '-') i++;
        if (i < value.Length && value[i] == '.') i++;
        return i < value.Length && char.IsAsciiDigit(value[i]);
    }

    private static bool IsPlainSafe(char c) =>
        c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F) && c is not ('\u2028' or '\u2029' or '\uFEFF')
        && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';

    /// <summary>True when <paramref name="value"/> reads back exactly from a literal block scalar.</summary>
    public static bool FitsLiteralBlock(string value)
    {
        if (!value.Contains('\n') || value[0] is ' ' or '\n' or '\t') return false;
        foreach (var c in value)
            if (c != '\n' && c != '\t' && !IsPlainSafe(c)) return false;
        foreach (var line in value.Split('\n'))
            if (line.Length > 0 && char.IsWhiteSpace(line[^1])) return false;
        return true;
    }

    /// <summary>The header of a literal block: <c>|</c> keeps one final newline, <c>|-</c> none, <c>|+</c> all.</summary>
    public static string LiteralHeader(string value)
    {
        if (!value.EndsWith('\n')) return "|-";
        return value.EndsWith("\n\n", StringComparison.Ordinal) ? "|+" : "|";
    }

    /// <summary>The lines of a literal block's body, without the final line breaks the header's chomping restores.</summary>
    public static IEnumerable<string> LiteralLines(string value)
    {
        var body = value.EndsWith('\n') ? value[..^1] : value;
        return body.Split('\n');
    }

    public static string DoubleQuoted(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (IsPlainSafe(c)) sb.Append(c);
                    else sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    public static string Scalar(string value) => NeedsQuotes(value) ? DoubleQuoted(value) : value;
}
