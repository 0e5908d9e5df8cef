using System.CommandLine;
using ComposeEcs.Cli.Commands;

namespace ComposeEcs.Cli;

/// <summary>The <c>compose-ecs</c> command tree. Commands parse arguments, call a stage and render its result.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Run a Docker Compose application on Amazon ECS (Fargate) through one CloudFormation stack.");
        var project = new ProjectOptions();
        root.Subcommands.Add(ConfigCommand.Create(project, context));
        root.Subcommands.Add(ConvertCommand.Create(project, context));
        root.Subcommands.Add(UpCommand.Create(project, context));
        root.Subcommands.Add(DownCommand.Create(project, context));
        root.Subcommands.Add(PsCommand.Create(project, context));
        root.Subcommands.Add(LogsCommand.Create(project, context));
        root.Subcommands.Add(LsCommand.Create(context));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await context.Error.WriteLineAsync($"compose-ecs: {UsageErrors.OneLine(parse)} (see 'compose-ecs --help')");
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }
}
