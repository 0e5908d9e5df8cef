using System.Text;
using ComposeEcs.Compose.Bounds;

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
            var value = state.Run();
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
        private int _depth;
        private readonly HashSet<string> _unset = new(StringComparer.Ordinal);
        public List<string> Unset { get; } = [];

        public string Run()
        {
            var output = new StringBuilder(text.Length);
            Append(output, insideBraces: false);
            return output.ToString();
        }

        /// <summary>
        /// Substitutes from the current position to the end, or to the closing brace of the enclosing <c>${...}</c>.
        /// Modifier arguments are substituted in place (or skipped when unused), so every character is read once and
        /// nesting costs no copies: linear in the input however deep <c>${A:-${A:-...}}</c> goes.
        /// </summary>
        private void Append(StringBuilder output, bool insideBraces)
        {
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (insideBraces && c == '}') return;
                if (c != '$') { output.Append(c); _pos++; continue; }
                _pos++;
                if (_pos >= text.Length) { output.Append('$'); break; }
                var next = text[_pos];
                if (next == '$') { output.Append('$'); _pos++; }
                else if (next == '{') { _pos++; Braced(output); }
                else if (IsNameStart(next)) { var name = ReadName(); output.Append(Value(name)); }
                else output.Append('$');
            }
            if (insideBraces) throw new TemplateException("missing closing brace");
        }

        private void Braced(StringBuilder output)
        {
            if (++_depth > LoadLimits.MaxInterpolationDepth)
                throw new TemplateException($"variables nested deeper than {LoadLimits.MaxInterpolationDepth} levels");
            var name = ReadName();
            if (name.Length == 0) throw new TemplateException("invalid variable name");
            if (_pos >= text.Length) throw new TemplateException("missing closing brace");
            if (text[_pos] == '}')
            {
                _pos++;
                output.Append(Value(name));
                _depth--;
                return;
            }

            var colon = text[_pos] == ':';
            if (colon) _pos++;
            if (_pos >= text.Length || text[_pos] is not ('-' or '?' or '+')) throw new TemplateException($"invalid modifier after \"{name}\"");
            var op = text[_pos++];

            // The argument is evaluated lazily, as in compose: an unused branch is only checked for its braces.
            var value = lookup(name);
            var present = colon ? !string.IsNullOrEmpty(value) : value is not null;
            switch (op)
            {
                case '-' when present:
                    output.Append(value);
                    SkipArgument();
                    break;
                case '-':
                    AppendArgument(output);
                    break;
                case '+' when present:
                    AppendArgument(output);
                    break;
                case '+':
                    SkipArgument();
                    break;
                default:
                    if (present)
                    {
                        output.Append(value);
                        SkipArgument();
                        break;
                    }
                    var message = new StringBuilder();
                    AppendArgument(message);
                    throw new TemplateException(message.Length == 0
                        ? $"required variable {name} is missing a value"
                        : $"required variable {name} is missing a value: {message}");
            }
            _depth--;
        }

        private void AppendArgument(StringBuilder output)
        {
            Append(output, insideBraces: true);
            _pos++; // '}'
        }

        private void SkipArgument()
        {
            var depth = 0;
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c == '$' && _pos + 1 < text.Length && text[_pos + 1] == '$') { _pos += 2; continue; }
                if (c == '$' && _pos + 1 < text.Length && text[_pos + 1] == '{')
                {
                    if (++depth + _depth > LoadLimits.MaxInterpolationDepth)
                        throw new TemplateException($"variables nested deeper than {LoadLimits.MaxInterpolationDepth} levels");
                    _pos += 2;
                    continue;
                }
                if (c == '}')
                {
                    if (depth == 0) { _pos++; return; }
                    depth--;
                }
                _pos++;
            }
            throw new TemplateException("missing closing brace");
        }

        private string? Value(string name)
        {
            var value = lookup(name);
            if (value is null && _unset.Add(name)) Unset.Add(name);
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
