using System.CommandLine;
using ComposeEcs.Cli.Commands;
using ComposeEcs.Cli.Parsing;

namespace ComposeEcs.Cli;

/// <summary>The <c>compose-ecs</c> command tree. Commands parse arguments, call a stage and render its result.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var verbose = args.TakeWhile(a => a != "--").Contains("--verbose");
        var messages = new Messages.MessageWriter(context.Error, context.IsErrorTerminal && context.GetEnvironment("NO_COLOR") is null);
        context = context with { Error = Rendering.TerminalSafeWriter.Wrap(messages), Verbose = verbose };
        try
        {
            return await RunAsync(args, context, messages, cancellationToken);
        }
        finally
        {
            try { messages.Flush(); } catch (IOException) { }
        }
    }

    private static async Task<int> RunAsync(string[] args, CliContext context, TextWriter messages, CancellationToken cancellationToken)
    {
        var root = new RootCommand("Run a Docker Compose application on Amazon ECS (Fargate) through one CloudFormation stack.");
        var project = new ProjectOptions();
        root.Options.Add(new Option<bool>("--verbose") { Description = "Show every warning (repeated ones are one line otherwise)", Recursive = true });
        root.Subcommands.Add(ConfigCommand.Create(project, context));
        root.Subcommands.Add(ConvertCommand.Create(project, context));
        root.Subcommands.Add(UpCommand.Create(project, context));
        root.Subcommands.Add(DownCommand.Create(project, context));
        root.Subcommands.Add(PsCommand.Create(project, context));
        root.Subcommands.Add(LogsCommand.Create(project, context));
        root.Subcommands.Add(LsCommand.Create(context));
        root.Subcommands.Add(VersionCommand.Create(context));
        VersionCommand.ReplaceRootOption(root, context);
        HelpText.Apply(root, project.All);
        // `compose-ecs` alone prints the help, as `docker compose` does.
        root.SetAction(parse => parse.RootCommandResult.Command.Parse(["--help"]).Invoke(parse.InvocationConfiguration));

        var parse = root.Parse(LeadingOptions.Move(args));
        if (parse.Errors.Count > 0)
        {
            await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.Usage, $"{UsageErrors.OneLine(parse)} (see '{HelpText.HelpHint(parse.CommandResult.Command)}')"));
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration { Output = context.Out, Error = messages, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (TemplateCheckFailedException e)
        {
            // A bug in us: one line naming the check, nothing on stdout, nothing sent to AWS.
            await TryWriteErrorAsync(context, Messages.ErrorLines.Error(DiagnosticCodes.TemplateCheck, $"internal error: {e.Message}"));
            return ExitCodes.Failed;
        }
        catch (IOException e)
        {
            // Typically stdout closed or full (`convert > /dev/full`): a message, not a stack trace.
            await TryWriteErrorAsync(context, Messages.ErrorLines.Error(DiagnosticCodes.CannotWrite, $"cannot write output: {e.Message}"));
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException && context.GetEnvironment("COMPOSE_ECS_DEBUG") is null)
        {
            await TryWriteErrorAsync(context, Messages.ErrorLines.Error(DiagnosticCodes.Internal, $"internal error: {e.GetType().Name}: {e.Message} (set COMPOSE_ECS_DEBUG=1 for details)"));
            return ExitCodes.Failed;
        }
    }

    private static async Task TryWriteErrorAsync(CliContext context, string line)
    {
        try
        {
            await context.Error.WriteLineAsync(line);
        }
        catch (IOException)
        {
            // stderr is gone too; the exit code still tells.
        }
    }
}
