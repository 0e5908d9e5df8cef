using System.Text;

namespace ComposeEcs.Cli.Rendering;

/// <summary>
/// stderr as the terminal receives it: every control character but the line break is escaped (<c>\x1b</c>), whatever
/// a message quotes (a service name, an AWS reason), so no input can send escape sequences to the user's terminal.
/// </summary>
public sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    public static TextWriter Wrap(TextWriter writer) => writer as TerminalSafeWriter ?? new TerminalSafeWriter(writer);

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n' || !MessageText.NeedsEscape(value)) inner.Write(value);
        else inner.Write(MessageText.Escape(value.ToString()));
    }

    public override void Write(string? value) => inner.Write(Safe(value));

    public override void WriteLine(string? value) => inner.WriteLine(Safe(value));

    public override Task WriteAsync(string? value) => inner.WriteAsync(Safe(value));

    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(Safe(value));

    public override Task WriteAsync(char value) => inner.WriteAsync(Safe(value.ToString()));

    public override Task WriteLineAsync() => inner.WriteLineAsync();

    public override void WriteLine() => inner.WriteLine();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    public override string ToString() => inner.ToString() ?? "";

    private static string? Safe(string? value)
    {
        if (value is null) return null;
        if (!value.Any(MessageText.NeedsEscape)) return value;
        return string.Join('\n', value.Split('\n').Select(MessageText.Escape));
    }
}
