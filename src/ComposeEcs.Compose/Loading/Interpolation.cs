using System.Text;

namespace ComposeEcs.Compose.Loading;

/// <summary>
/// Compose variable substitution: <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-d}</c>, <c>${VAR-d}</c>, <c>${VAR:?e}</c>,
/// <c>${VAR?e}</c>, <c>${VAR:+a}</c>, <c>${VAR+a}</c>, nested templates in the modifiers and <c>$$</c> for a literal <c>$</c>.
/// </summary>
public static class Interpolation
{
    public sealed record Outcome(string? Value, string? Error, IReadOnlyList<string> Unset);

    public static Outcome Substitute(string template, Func<string, string?> lookup)
    {
        if (!template.Contains('$')) return new Outcome(template, null, []);
        var state = new State(template, lookup);
        try
        {
            var value = state.Run(insideBraces: false);
            return new Outcome(value, null, state.Unset);
        }
        catch (TemplateException e)
        {
            return new Outcome(null, e.Message, state.Unset);
        }
    }

    private sealed class TemplateException(string message) : Exception(message);

    private sealed class State(string text, Func<string, string?> lookup)
    {
        private int _pos;
        public List<string> Unset { get; } = [];

        public string Run(bool insideBraces)
        {
            var output = new StringBuilder();
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (insideBraces && c == '}') return output.ToString();
                if (c != '$') { output.Append(c); _pos++; continue; }
                _pos++;
                if (_pos >= text.Length) { output.Append('$'); break; }
                var next = text[_pos];
                if (next == '$') { output.Append('$'); _pos++; }
                else if (next == '{') { _pos++; output.Append(Braced()); }
                else if (IsNameStart(next)) { var name = ReadName(); output.Append(Value(name) ?? ""); }
                else output.Append('$');
            }
            if (insideBraces) throw new TemplateException("missing closing brace");
            return output.ToString();
        }

        private string Braced()
        {
            var name = ReadName();
            if (name.Length == 0) throw new TemplateException("invalid variable name");
            if (_pos >= text.Length) throw new TemplateException("missing closing brace");
            if (text[_pos] == '}') { _pos++; return Value(name) ?? ""; }

            var colon = text[_pos] == ':';
            if (colon) _pos++;
            if (_pos >= text.Length || text[_pos] is not ('-' or '?' or '+')) throw new TemplateException($"invalid modifier after \"{name}\"");
            var op = text[_pos++];
            // The argument is evaluated lazily in compose, but evaluating it eagerly only matters for ?-errors inside
            // unused branches, which we keep lazy by parsing first and substituting on demand.
            var start = _pos;
            SkipToClosingBrace();
            var argument = text[start.._pos];
            _pos++; // '}'

            var value = lookup(name);
            var isSet = value is not null;
            var isSetNonEmpty = !string.IsNullOrEmpty(value);
            var present = colon ? isSetNonEmpty : isSet;
            switch (op)
            {
                case '-':
                    return present ? value! : Nested(argument);
                case '+':
                    return present ? Nested(argument) : "";
                default:
                    if (present) return value!;
                    var message = Nested(argument);
                    throw new TemplateException(message.Length == 0
                        ? $"required variable {name} is missing a value"
                        : $"required variable {name} is missing a value: {message}");
            }
        }

        private string Nested(string argument)
        {
            var inner = new State(argument, lookup);
            var value = inner.Run(insideBraces: false);
            Unset.AddRange(inner.Unset);
            return value;
        }

        private void SkipToClosingBrace()
        {
            var depth = 0;
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c == '$' && _pos + 1 < text.Length && text[_pos + 1] == '$') { _pos += 2; continue; }
                if (c == '$' && _pos + 1 < text.Length && text[_pos + 1] == '{') { depth++; _pos += 2; continue; }
                if (c == '}')
                {
                    if (depth == 0) return;
                    depth--;
                }
                _pos++;
            }
            throw new TemplateException("missing closing brace");
        }

        private string? Value(string name)
        {
            var value = lookup(name);
            if (value is null && !Unset.Contains(name)) Unset.Add(name);
            return value;
        }

        private string ReadName()
        {
            var start = _pos;
            if (_pos < text.Length && IsNameStart(text[_pos]))
            {
                _pos++;
                while (_pos < text.Length && (IsNameStart(text[_pos]) || char.IsAsciiDigit(text[_pos]))) _pos++;
            }
            return text[start.._pos];
        }

        private static bool IsNameStart(char c) => c == '_' || char.IsAsciiLetter(c);
    }
}
