using System.CommandLine;
using ComposeEcs.Aws;
using ComposeEcs.Aws.Credentials;

namespace ComposeEcs.Cli;

/// <summary>The AWS flags every command that talks to AWS shares; anything not given comes from the environment (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL, ...).</summary>
public sealed class AwsOptions
{
    public Option<string?> Region { get; } = new("--region") { Description = "AWS region (default AWS_REGION, AWS_DEFAULT_REGION or the profile's region)" };

    public Option<string?> Profile { get; } = new("--aws-profile") { Description = "Named profile from ~/.aws/config (default AWS_PROFILE)" };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url") { Description = "One endpoint URL for every AWS service, e.g. a local emulator (default AWS_ENDPOINT_URL)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Region);
        command.Options.Add(Profile);
        command.Options.Add(EndpointUrl);
    }

    public AwsSettings Read(ParseResult parse) => new(parse.GetValue(Profile), parse.GetValue(Region), parse.GetValue(EndpointUrl));

    /// <summary>
    /// Resolves region, credentials and endpoints from the flags and the context's environment (never the process's own,
    /// so tests stay hermetic). A missing region or credentials is a one-line error, not an exception.
    /// </summary>
    public static async Task<(AwsContext? Aws, string? Error)> ConnectAsync(AwsSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        var home = context.GetEnvironment("HOME") ?? context.GetEnvironment("USERPROFILE") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var environment = new AwsEnvironment(context.GetEnvironment, home, context.AwsSdkFallback);
        settings = settings with { Retry = settings.Retry ?? context.AwsRetry };
        var reporter = new Messages.RetryReporter(context.Error, settings.Retry ?? ComposeEcs.Aws.Http.RetryPolicy.Default, TimeProvider.System);
        var observer = settings.OnRequest;
        settings = settings with { OnRequest = attempt => { observer?.Invoke(attempt); reporter.Observe(attempt); } };
        try
        {
            return (await AwsContext.ResolveAsync(settings, environment, null, cancellationToken).ConfigureAwait(false), null);
        }
        catch (AwsConfigurationException e)
        {
            return (null, e.Message);
        }
    }
}

/// <summary>Runs the body of a command that talks to AWS, turning AWS and deploy errors into one line and an exit code.</summary>
public static class AwsCommand
{
    /// <summary>Exit code after Ctrl-C, as shells report a process ended by SIGINT (128 + 2).</summary>
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(AwsSettings settings, CliContext context, Func<AwsContext, Task<int>> body, CancellationToken cancellationToken)
    {
        var (aws, error) = await AwsOptions.ConnectAsync(settings, context, cancellationToken).ConfigureAwait(false);
        if (aws is null)
        {
            await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.AwsConfiguration, error!)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        using (aws)
        {
            try
            {
                return await body(aws).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await context.Error.WriteLineAsync("compose-ecs: interrupted").ConfigureAwait(false);
                return Interrupted;
            }
            catch (AwsConfigurationException e)
            {
                await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.AwsConfiguration, e.Message)).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is AwsException or ComposeEcs.Deploy.AwsDeployException)
            {
                await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.AwsRequest, e.Message)).ConfigureAwait(false);
                return ExitCodes.Failed;
            }
        }
    }
}

/// <summary>
/// The project an AWS command acts on: loaded from the compose files when they load, or only its name from
/// <c>-p</c> (so <c>down -p app</c> works without the compose files, like <c>docker compose</c>).
/// </summary>
public sealed record ProjectTarget(string Name, ComposeEcs.Compose.Model.ComposeProject? Project)
{
    public string StackName => ComposeEcs.Deploy.StackNames.For(Name);

    /// <summary>The target, or null after printing the load errors (exit code 2).</summary>
    public static ProjectTarget? Resolve(ProjectArguments arguments, CliContext context)
    {
        var loaded = ProjectLoading.Load(arguments, context);
        if (loaded.Succeeded && loaded.Value is { } project)
            return new ProjectTarget(project.Name, project);
        if (arguments.ProjectName is { Length: > 0 } name)
            return new ProjectTarget(name, null);
        ProjectLoading.Report(loaded.Diagnostics, context);
        return null;
    }
}
