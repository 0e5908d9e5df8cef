using System.CommandLine;
using ComposeEcs.Aws;
using ComposeEcs.Cli.Rendering;
using ComposeEcs.Deploy;

namespace ComposeEcs.Cli.Commands;

/// <summary><c>compose-ecs down</c>: delete the project's stack and watch it go. A project that is not deployed is exit 0.</summary>
public static class DownCommand
{
    public static Command Create(ProjectOptions project, CliContext context)
    {
        var aws = new AwsOptions();
        var rmi = new Option<string?>("--rmi") { Description = "'all': also delete the ECR repositories 'up' created for services with build: (kept otherwise)" };
        rmi.AcceptOnlyFromAmong("all");
        var volumes = new Option<bool>("--volumes", "-v") { Description = "Also delete the EFS file systems of named volumes, with their data (asks first)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask before deleting volumes" };
        var command = new Command("down", "Delete the project's CloudFormation stack (EFS file systems and ECR repositories are kept unless -v / --rmi all)");
        project.AddTo(command);
        aws.AddTo(command);
        command.Options.Add(rmi);
        command.Options.Add(volumes);
        command.Options.Add(yes);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var deleteVolumes = parse.GetValue(volumes);
            if (deleteVolumes && !parse.GetValue(yes) && !context.IsInputTerminal)
            {
                await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.ConfirmationRequired, "down -v deletes the volumes' data and there is no terminal to ask on: add --yes to confirm"));
                return ExitCodes.BadInput;
            }
            var volumeOptions = new VolumeDeletion(deleteVolumes, parse.GetValue(yes));
            return await RunAsync(project.Read(parse), aws.Read(parse), parse.GetValue(rmi) == "all", volumeOptions, context, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(ProjectArguments arguments, AwsSettings settings, bool removeImages, VolumeDeletion volumes, CliContext context, CancellationToken cancellationToken)
    {
        if (ProjectTarget.Resolve(arguments, context) is not { } target) return ExitCodes.BadInput;
        return await AwsCommand.RunAsync(settings, context, async aws =>
        {
            var console = Consoles.For(context);
            IDeployView view = context.IsTerminal ? new LiveDeployView(console) : new PlainDeployView(console);
            var timings = DeployTimings.FromEnvironment(context.GetEnvironment);
            var result = await view.RunAsync(progress => new DownOperation(aws, timings).RunAsync(target.StackName, progress, cancellationToken));
            switch (result.Outcome)
            {
                case DownOutcome.NotFound:
                    await context.Out.WriteLineAsync($"Project {target.Name} is not deployed (no stack {target.StackName} in {aws.Region}): nothing to delete");
                    await DownImages.ReportAsync(aws, target, removeImages, context, cancellationToken);
                    return ExitCodes.Success;
                case DownOutcome.Interrupted:
                    await context.Error.WriteLineAsync(result.Started
                        ? $"Interrupted: the deletion of {target.StackName} continues in AWS. Watch it with 'compose-ecs ls'."
                        : "Interrupted: nothing was deleted.");
                    return AwsCommand.Interrupted;
                case DownOutcome.StoppedWatching:
                    await context.Error.WriteLineAsync(StoppedWatchingMessages.Down(target.StackName, result.Started, result.Reason));
                    return ExitCodes.StoppedWatching;
                case DownOutcome.Failed:
                    await WriteRetainedAsync(context.Out, result.Retained);
                    await context.Error.WriteLineAsync(UpCommand.FailureLine("down", target.StackName, result.Failure));
                    return ExitCodes.Failed;
                default:
                    await context.Out.WriteLineAsync($"Stack {target.StackName} deleted");
                    var exit = ExitCodes.Success;
                    if (volumes.Delete) exit = await VolumeDeletion.RunAsync(aws, result.Retained, volumes.Confirmed, context, cancellationToken);
                    else await WriteRetainedAsync(context.Out, result.Retained);
                    await DownImages.ReportAsync(aws, target, removeImages, context, cancellationToken);
                    await SecretsDown.DeleteAsync(aws, target.Name, context.Out, cancellationToken);
                    return exit;
            }
        }, cancellationToken);
    }

    internal static async Task WriteRetainedAsync(TextWriter output, IReadOnlyList<RetainedResource> retained)
    {
        var fileSystems = retained.Where(r => r.ResourceType == "AWS::EFS::FileSystem" && r.PhysicalId is not null).ToList();
        if (fileSystems.Count > 0)
        {
            await output.WriteLineAsync("Kept EFS file systems (DeletionPolicy Retain) with your volume data. To delete them:");
            foreach (var fs in fileSystems)
                await output.WriteLineAsync($"  aws efs delete-file-system --file-system-id {fs.PhysicalId}    # {fs.LogicalId}");
        }
        foreach (var other in retained.Except(fileSystems))
            await output.WriteLineAsync($"Kept {other.LogicalId} ({other.ResourceType}) {other.PhysicalId}");
    }
}
