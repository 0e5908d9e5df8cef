using System.Globalization;
using System.Text;

namespace ComposeEcs;

/// <summary>
/// Makes any text safe to print as one line on a terminal: control characters (escape sequences could clear the
/// screen or set the title), line breaks and bidirectional overrides are escaped, and a long quoted value is shortened,
/// so a 5 MB bad value makes a short error.
/// </summary>
public static class MessageText
{
    /// <summary>Quoted values longer than this are shortened to their start and end.</summary>
    public const int MaxQuotedLength = 120;

    /// <summary>No message is longer than this, whatever it quotes.</summary>
    public const int MaxMessageLength = 1_000;

    public static string Clean(string message)
    {
        var escaped = Escape(message);
        var shortened = escaped.Length > MaxQuotedLength ? ShortenQuoted(escaped) : escaped;
        return shortened.Length > MaxMessageLength ? Shorten(shortened, MaxMessageLength) : shortened;
    }

    /// <summary>Only the escaping (for text that is already bounded, or must keep its length, such as a value shown in a table).</summary>
    public static string Escape(string text)
    {
        var i = 0;
        while (i < text.Length && !NeedsEscape(text[i])) i++;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!NeedsEscape(c)) { sb.Append(c); continue; }
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when c <= 0xFF => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }

    public static bool NeedsEscape(char c) =>
        c < 0x20 || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069'
        || c is '\u2028' or '\u2029' || c is '\u061c' or '\u200e' or '\u200f';

    /// <summary>Shortens every "…" segment longer than <see cref="MaxQuotedLength"/>.</summary>
    private static string ShortenQuoted(string text)
    {
        var sb = new StringBuilder();
        var pos = 0;
        while (pos < text.Length)
        {
            var open = text.IndexOf('"', pos);
            var close = open < 0 ? -1 : text.IndexOf('"', open + 1);
            if (close < 0) { sb.Append(text, pos, text.Length - pos); break; }
            sb.Append(text, pos, open + 1 - pos);
            var inner = text.Substring(open + 1, close - open - 1);
            sb.Append(inner.Length > MaxQuotedLength ? Shorten(inner, MaxQuotedLength) : inner).Append('"');
            pos = close + 1;
        }
        return sb.ToString();
    }

    /// <summary>The start and end of <paramref name="text"/> with how much was left out in between.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var head = max * 2 / 3;
        var tail = max / 6;
        // Do not split a surrogate pair.
        if (char.IsHighSurrogate(text[head - 1])) head--;
        if (char.IsLowSurrogate(text[^tail])) tail--;
        return $"{text[..head]}…({text.Length - head - tail:N0} characters)…{text[^tail..]}";
    }
}
