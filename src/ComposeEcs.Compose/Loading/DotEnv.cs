using System.Text;

namespace ComposeEcs.Compose.Loading;

/// <summary>
/// Parses <c>.env</c> / <c>env_file</c> content with compose's dotenv rules: comments, <c>export</c>, single quotes
/// (literal), double quotes (escapes, expansion), multi-line quoted values and <c>${VAR}</c> expansion.
/// </summary>
public static class DotEnv
{
    public sealed record Parsed(IReadOnlyList<KeyValuePair<string, string>> Values, Diagnostic? Error);

    /// <param name="lookup">Variables for expansion not defined earlier in the file (the process environment).</param>
    public static Parsed Parse(string content, string displayPath, Func<string, string?> lookup)
    {
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Resolve(string name) => own.TryGetValue(name, out var v) ? v : lookup(name);

        var text = content.Replace("\r\n", "\n").TrimStart('\uFEFF');
        if (text.IndexOf('\0') is var nul and >= 0)
            return new Parsed([.. own], Diagnostic.Error(DiagnosticCodes.EnvFileSyntax, "a NUL character (\\0) in an env file", new SourceLocation(displayPath, 1 + text.AsSpan(0, nul).Count('\n'), 1)));
        var pos = 0;
        var line = 1;
        while (pos < text.Length)
        {
            var lineStart = line;
            var end = text.IndexOf('\n', pos);
            if (end < 0) end = text.Length;
            var raw = text[pos..end];
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) { pos = end + 1; line++; continue; }

            if (trimmed.StartsWith("export ", StringComparison.Ordinal) || trimmed.StartsWith("export\t", StringComparison.Ordinal))
                trimmed = trimmed[7..].TrimStart();
            var eq = trimmed.IndexOf('=');
            var key = (eq < 0 ? trimmed : trimmed[..eq]).Trim();
            if (!IsValidKey(key))
                return new Parsed([.. own], Diagnostic.Error(DiagnosticCodes.EnvFileSyntax, $"invalid variable name \"{key}\" in env file", new SourceLocation(displayPath, lineStart, 1)));
            if (eq < 0)
            {
                // A bare KEY takes its value from the environment, or is left out.
                var inherited = lookup(key);
                if (inherited is not null) Add(key, inherited);
                pos = end + 1; line++;
                continue;
            }

            // Value starts right after '=' in the original text (which may continue on later lines when quoted).
            var valueStart = pos + raw.IndexOf('=') + 1;
            while (valueStart < text.Length && text[valueStart] is ' ' or '\t') valueStart++;
            if (valueStart < text.Length && text[valueStart] is '"' or '\'')
            {
                var quote = text[valueStart];
                var close = FindClosingQuote(text, valueStart + 1, quote);
                if (close < 0)
                    return new Parsed([.. own], Diagnostic.Error(DiagnosticCodes.EnvFileSyntax, $"unterminated quoted value for \"{key}\"", new SourceLocation(displayPath, lineStart, 1)));
                var inner = text[(valueStart + 1)..close];
                var value = quote == '\'' ? new Interpolation.Outcome(inner, null, []) : Interpolation.Substitute(Unescape(inner), Resolve);
                if (value.Error is { } quotedError) return new Parsed([.. own], Diagnostic.Error(DiagnosticCodes.EnvFileSyntax, quotedError, new SourceLocation(displayPath, lineStart, 1)));
                Add(key, value.Value!);
                line += CountNewlines(text, pos, close);
                var after = text.IndexOf('\n', close);
                pos = after < 0 ? text.Length : after + 1;
                line++;
                continue;
            }

            var unquoted = text[valueStart..end];
            var hash = unquoted.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0) unquoted = unquoted[..hash];
            var expanded = Interpolation.Substitute(unquoted.Trim(), Resolve);
            if (expanded.Error is { } error) return new Parsed([.. own], Diagnostic.Error(DiagnosticCodes.EnvFileSyntax, error, new SourceLocation(displayPath, lineStart, 1)));
            Add(key, expanded.Value!);
            pos = end + 1; line++;
        }
        return new Parsed([.. own], null);

        // A key defined again keeps its first place; callers read the values into a map, so only the last value matters.
        void Add(string key, string value) => own[key] = value;
    }

    /// <summary><c>format: raw</c>: <c>KEY=VALUE</c> lines taken literally (no quotes, escapes, comments after values or expansion).</summary>
    public static Parsed ParseRaw(string content)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in content.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var eq = line.IndexOf('=');
            if (eq <= 0) continue;
            values[line[..eq]] = line[(eq + 1)..];
        }
        return new Parsed([.. values], null);
    }

    private static bool IsValidKey(string key) =>
        key.Length > 0 && !char.IsAsciiDigit(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    private static int FindClosingQuote(string text, int from, char quote)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (quote == '"' && text[i] == '\\') { i++; continue; }
            if (text[i] == quote) return i;
        }
        return -1;
    }

    private static int CountNewlines(string text, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++) if (text[i] == '\n') count++;
        return count;
    }

    private static string Unescape(string value)
    {
        if (!value.Contains('\\')) return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 >= value.Length) { sb.Append(value[i]); continue; }
            var next = value[++i];
            sb.Append(next switch
            {
                'n' => "\n",
                't' => "\t",
                'r' => "\r",
                '"' => "\"",
                '\\' => "\\",
                '$' => "$$",
                _ => "\\" + next,
            });
        }
        return sb.ToString();
    }
}
