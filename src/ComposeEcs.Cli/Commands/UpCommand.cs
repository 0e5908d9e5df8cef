using System.CommandLine;
using ComposeEcs.Aws;
using ComposeEcs.CloudFormation;
using ComposeEcs.Cli.Rendering;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;
using ComposeEcs.Deploy;
using ComposeEcs.Ecs;

namespace ComposeEcs.Cli.Commands;

/// <summary>
/// <c>compose-ecs up</c>: convert, fill the parameters, show the change set, execute it and watch the stack.
/// Exit 0 deployed / up to date / dry run, 1 failed, 2 bad input (nothing deployed), 130 interrupted (the deployment continues).
/// </summary>
public static class UpCommand
{
    public static Command Create(ProjectOptions project, CliContext context)
    {
        var aws = new AwsOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the change set, then delete it: nothing is deployed" };
        var detach = new Option<bool>("--detach", "-d") { Description = "Return once the deployment has started" };
        var build = new BuildOptions();
        var command = new Command("up", "Deploy the project to ECS (create or update its CloudFormation stack)");
        project.AddTo(command);
        aws.AddTo(command);
        command.Options.Add(dryRun);
        command.Options.Add(detach);
        build.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(
            project.Read(parse), aws.Read(parse), parse.GetValue(dryRun), parse.GetValue(detach), build.Read(parse, parse.GetValue(dryRun)), context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ProjectArguments arguments, AwsSettings settings, bool dryRun, bool detach, Deploy.Images.BuildMode buildMode, CliContext context, CancellationToken cancellationToken)
    {
        if (ProjectLoading.Convert(arguments, context) is not var (project, template)) return ExitCodes.BadInput;

        var tree = template.ToTree();

        if (!await BuildOptions.CheckDockerAsync(project, buildMode, context)) return ExitCodes.BadInput;

        return await AwsCommand.RunAsync(settings, context, async aws =>
        {
            var resolver = new ParameterResolver(aws, context.GetEnvironment) { WriteSecrets = !dryRun };
            // A VPC where names cannot resolve is refused before minutes of building and pushing images.
            if (await resolver.CheckVpcAsync(template, project, cancellationToken) is { } vpcError)
                return await RefuseAsync(context, vpcError);
            var (images, buildExit) = await BuildOptions.RunAsync(aws, project, buildMode, context, cancellationToken);
            if (images is null) return buildExit;
            var parameters = await resolver.ResolveAsync(template, project, images, cancellationToken);
            if (!parameters.Succeeded) return await RefuseAsync(context, parameters.Error!);

            var console = Consoles.For(context);
            var stackName = StackNames.For(project.Name);
            var published = await TemplatePublisher.PublishAsync(aws, stackName, tree, cancellationToken);
            var request = new UpRequest(stackName, project.Name, published.Body, parameters.Parameters, dryRun, detach,
                published.Url, published.HasNestedStacks);
            foreach (var line in DeploySummary.Lines(project.Name, template)) await context.Out.WriteLineAsync(line);
            var timings = DeployTimings.FromEnvironment(context.GetEnvironment);
            IDeployView view = context.IsTerminal ? new LiveDeployView(console) : new PlainDeployView(console);
            var result = await view.RunAsync(progress => new UpOperation(aws, timings).RunAsync(request, progress, cancellationToken));
            return await ReportAsync(result, stackName, project, aws, context);
        }, cancellationToken);
    }

    private static async Task<int> ReportAsync(UpResult result, string stackName, ComposeProject project, AwsContext aws, CliContext context)
    {
        switch (result.Outcome)
        {
            case UpOutcome.UpToDate:
                await context.Out.WriteLineAsync($"Stack {stackName} is up to date: nothing to deploy");
                await WriteEndpointsAsync(result, project, aws, context.Out);
                return ExitCodes.Success;
            case UpOutcome.DryRun:
                await context.Out.WriteLineAsync($"Dry run: nothing was deployed (the change set for {stackName} was deleted)");
                return ExitCodes.Success;
            case UpOutcome.Detached:
                await context.Out.WriteLineAsync($"Deployment of {stackName} started; watch it with 'compose-ecs ps' and 'compose-ecs logs'");
                return ExitCodes.Success;
            case UpOutcome.Interrupted:
                await context.Error.WriteLineAsync(result.Started
                    ? $"Interrupted: the deployment of {stackName} continues in AWS. Watch it with 'compose-ecs ps' and 'compose-ecs logs', or run 'compose-ecs up' again to wait for it."
                    : "Interrupted: nothing was deployed.");
                return AwsCommand.Interrupted;
            case UpOutcome.StoppedWatching:
                await context.Error.WriteLineAsync(StoppedWatchingMessages.Up(stackName, result.Started, result.Reason));
                return ExitCodes.StoppedWatching;
            case UpOutcome.Failed:
                await context.Error.WriteLineAsync(FailureLine("up", stackName, result.Failure));
                return ExitCodes.Failed;
            default:
                await context.Out.WriteLineAsync($"Stack {stackName}: {result.Stack?.StackStatus}");
                await WriteEndpointsAsync(result, project, aws, context.Out);
                return ExitCodes.Success;
        }
    }

    /// <summary><c>error CE3030: up of shop failed: WebService (AWS::ECS::Service) CREATE_FAILED: reason</c></summary>
    /// <summary>What <c>up</c> needs from the account or the disk is missing: one line, exit 2, nothing deployed.</summary>
    private static async Task<int> RefuseAsync(CliContext context, string message)
    {
        await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.DeployInput, message));
        return ExitCodes.BadInput;
    }

    public static string FailureLine(string command, string stackName, ResourceFailure? failure) => Messages.ErrorLines.Error(DiagnosticCodes.StackFailed, failure is null
        ? $"{command} of {stackName} failed"
        : failure.ResourceType == "AWS::CloudFormation::Stack"
            ? $"{command} of {stackName} failed: {failure.Reason}"
            : $"{command} of {stackName} failed: {failure.LogicalId} ({failure.ResourceType}) {failure.Status}: {failure.Reason}");

    private static async Task WriteEndpointsAsync(UpResult result, ComposeProject project, AwsContext aws, TextWriter output)
    {
        var stack = result.Stack ?? await aws.CloudFormation.FindStackAsync(StackNames.For(project.Name));
        if (stack is null) return;
        var endpoints = await ServiceEndpoints.ReadAsync(aws, stack, CancellationToken.None);
        if (endpoints.Count == 0) return;
        await output.WriteLineAsync("Endpoints:");
        var width = endpoints.Max(e => e.Service.Length);
        foreach (var endpoint in endpoints)
            await output.WriteLineAsync($"  {endpoint.Service.PadRight(width)}  {endpoint.Address}");
    }
}
