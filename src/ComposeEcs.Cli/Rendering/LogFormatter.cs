using System.Globalization;
using ComposeEcs.Deploy;
using Spectre.Console;

namespace ComposeEcs.Cli.Rendering;

/// <summary>
/// Log lines as <c>docker compose logs</c> prints them: <c>service  | message</c>, the prefix padded to the longest
/// service name and coloured per service (stable: the n-th service name in order gets the n-th colour).
/// </summary>
public sealed class LogFormatter(IReadOnlyList<string> knownServices, bool timestamps, bool color)
{
    private static readonly string[] Palette = ["cyan", "yellow", "green", "magenta", "blue", "red", "aqua", "fuchsia", "lime", "olive"];
    private readonly List<string> _services = knownServices.Order(StringComparer.Ordinal).ToList();
    private int _width = knownServices.Count == 0 ? 0 : knownServices.Max(s => s.Length);

    /// <summary>False for <c>--no-log-prefix</c>: the message (and timestamp) alone.</summary>
    public bool Prefix { get; init; } = true;

    /// <summary>The line as markup when colouring, else plain text.</summary>
    public string Format(LogLine line)
    {
        if (!Prefix)
        {
            var stamp = timestamps ? line.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) + " " : "";
            return color ? Markup.Escape(stamp + line.Message) : stamp + line.Message;
        }
        if (!_services.Contains(line.Service)) _services.Add(line.Service);
        _width = Math.Max(_width, line.Service.Length);
        var prefix = line.Service.PadRight(_width) + "  |";
        var time = timestamps ? " " + line.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) : "";
        if (!color) return $"{prefix}{time} {line.Message}";
        var colour = Palette[_services.IndexOf(line.Service) % Palette.Length];
        return $"[{colour}]{Markup.Escape(prefix)}[/]{Markup.Escape(time)} {Markup.Escape(line.Message)}";
    }
}
