using Spectre.Console;

namespace ComposeEcs.Cli.Rendering;

/// <summary>The Spectre console a command writes to: ANSI and colours only on a terminal, wide plain text otherwise.</summary>
public static class Consoles
{
    public static IAnsiConsole For(CliContext context, bool noColor = false)
    {
        var colors = context.IsTerminal && !noColor && context.GetEnvironment("NO_COLOR") is null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = context.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = context.IsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(context.Out),
        });
        if (!context.IsTerminal)
            console.Profile.Width = 200;
        return console;
    }
}
