using System.Collections.Immutable;
using System.Text;

namespace ComposeEcs.Compose.Decoding;

/// <summary>Splits a command string into words like compose-go (go-shellwords): quotes and backslashes, no expansion.</summary>
public static class ShellWords
{
    public static ImmutableArray<string>? Split(string line)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        var current = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote == '\'')
            {
                if (c == '\'') quote = '\0';
                else current.Append(c);
                continue;
            }
            if (quote == '"')
            {
                if (c == '"') quote = '\0';
                else if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`') current.Append(line[++i]);
                else current.Append(c);
                continue;
            }
            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    inWord = true;
                    break;
                case '\\' when i + 1 < line.Length:
                    current.Append(line[++i]);
                    inWord = true;
                    break;
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord) { words.Add(current.ToString()); current.Clear(); inWord = false; }
                    break;
                default:
                    current.Append(c);
                    inWord = true;
                    break;
            }
        }
        if (quote != '\0') return null;
        if (inWord) words.Add(current.ToString());
        return words.ToImmutable();
    }
}
