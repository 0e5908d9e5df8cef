using System.Text;
using System.Text.RegularExpressions;

namespace ComposeEcs.Cli.Messages;

/// <summary>
/// stderr as users read it: every message is one line <c>file:line:col: error: ...</c>, <c>error: ...</c>,
/// <c>warning: ...</c> or <c>note: ...</c>; the marker is coloured on a terminal (never with <c>NO_COLOR</c>).
/// A line written as <c>compose-ecs: message</c> is an error and reads <c>error: message</c>. Other lines (progress,
/// "Interrupted: ...") pass unchanged. Whole lines only, under a lock: retries are reported from other threads.
/// </summary>
public sealed partial class MessageWriter(TextWriter inner, bool colour) : TextWriter
{
    private const string LegacyPrefix = "compose-ecs: ";
    private readonly StringBuilder _line = new();
    private readonly Lock _lock = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_lock)
        {
            if (value == '\n')
            {
                inner.Write(Render(_line.ToString(), colour));
                inner.Write('\n');
                inner.Flush();
                _line.Clear();
            }
            else if (value != '\r') _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
            foreach (var c in value ?? "") Write(c);
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write((value ?? "") + "\n");

    public override Task WriteAsync(char value) { Write(value); return Task.CompletedTask; }

    public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }

    public override Task WriteLineAsync(string? value) { WriteLine(value); return Task.CompletedTask; }

    public override Task WriteLineAsync() { Write('\n'); return Task.CompletedTask; }

    public override void Flush()
    {
        lock (_lock)
        {
            if (_line.Length > 0) Write('\n');
            inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }

    /// <summary>The line in the one message format, with ANSI colours when asked.</summary>
    public static string Render(string line, bool colour)
    {
        if (line.StartsWith(LegacyPrefix, StringComparison.Ordinal))
        {
            line = line[LegacyPrefix.Length..];
            if (!Marked().IsMatch(line)) line = "error: " + line;
        }
        if (!colour) return line;
        var match = Marked().Match(line);
        if (!match.Success) return line;
        var code = match.Groups["severity"].Value switch { "error" => "1;31", "warning" => "1;33", _ => "1;36" };
        var location = match.Groups["location"].Success ? $"\e[1m{match.Groups["location"].Value}:\e[0m " : "";
        return $"{location}\e[{code}m{match.Groups["marker"].Value}:\e[0m{line[match.Length..]}";
    }

    [GeneratedRegex(@"^(?:(?<location>[^\s:][^\n]*?:\d+:\d+): )?(?<marker>(?<severity>error|warning|note)(?: CE\d{4})?):")]
    private static partial Regex Marked();
}
