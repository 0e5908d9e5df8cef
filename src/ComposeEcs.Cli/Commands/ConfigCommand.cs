using System.CommandLine;

namespace ComposeEcs.Cli.Commands;

/// <summary><c>compose-ecs config</c>: prints the resolved project like <c>docker compose config</c>.</summary>
public static class ConfigCommand
{
    public static Command Create(ProjectOptions project, CliContext context)
    {
        var command = new Command("config", "Print the resolved compose project");
        project.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await context.Error.WriteLineAsync("config: not implemented yet");
            return ExitCodes.Failed;
        });
        return command;
    }
}
