using System.CommandLine;
using System.Reflection;

namespace ComposeEcs.Cli.Commands;

/// <summary><c>compose-ecs version</c> and <c>--version</c>: <c>compose-ecs version 0.1.0</c>, as <c>docker compose version</c> prints it.</summary>
public static class VersionCommand
{
    /// <summary>The package version, without the source revision the SDK appends after '+'.</summary>
    public static string Number { get; } =
        (typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    public static string Line => $"compose-ecs version {Number}";

    public static Command Create(CliContext context)
    {
        var shortOption = new Option<bool>("--short") { Description = "Print only the version number" };
        var command = new Command("version", "Show the compose-ecs version") { shortOption };
        command.SetAction(async (parse, _) =>
        {
            await context.Out.WriteLineAsync(parse.GetValue(shortOption) ? Number : Line);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Makes the root's <c>--version</c> print the same line as the command.</summary>
    public static void ReplaceRootOption(RootCommand root, CliContext context)
    {
        if (root.Options.OfType<VersionOption>().FirstOrDefault() is { } option)
            option.Action = new PrintLine(context, Line);
    }

    private sealed class PrintLine(CliContext context, string line) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            context.Out.WriteLine(line);
            return ExitCodes.Success;
        }
    }
}
