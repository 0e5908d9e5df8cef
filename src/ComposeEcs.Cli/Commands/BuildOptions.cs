using System.CommandLine;
using ComposeEcs.Aws;
using ComposeEcs.Compose.Model;
using ComposeEcs.Deploy.Images;
using ComposeEcs.Ecs;

namespace ComposeEcs.Cli.Commands;

/// <summary><c>up</c>'s <c>--build</c> / <c>--no-build</c>, and the build step that fills the image parameters.</summary>
public sealed class BuildOptions
{
    private readonly Option<bool> _build = new("--build") { Description = "Rebuild images of services with build: ignoring the Docker cache (they are built with the cache otherwise)" };
    private readonly Option<bool> _noBuild = new("--no-build") { Description = "Do not build: deploy the image pushed last for each service with build:" };

    public void AddTo(Command command)
    {
        command.Options.Add(_build);
        command.Options.Add(_noBuild);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_build) && result.GetValue(_noBuild))
                result.AddError("--build and --no-build cannot be used together");
        });
    }

    public BuildMode Read(ParseResult parse, bool dryRun) =>
        dryRun ? BuildMode.DryRun : parse.GetValue(_noBuild) ? BuildMode.NoBuild : parse.GetValue(_build) ? BuildMode.Rebuild : BuildMode.Build;

    /// <summary>Before any AWS call: a build that needs docker on a machine without it is one line and exit 2.</summary>
    public static async Task<bool> CheckDockerAsync(ComposeProject project, BuildMode mode, CliContext context)
    {
        var images = BuiltImages.Of(project);
        if (images.IsEmpty || mode is BuildMode.NoBuild or BuildMode.DryRun || DockerCli.Find(context.GetEnvironment) is not null) return true;
        await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.DockerMissing, ImageBuilder.DockerMissing(images)));
        return false;
    }

    /// <summary>Builds and pushes (or finds) the images; null after printing the error line, with its exit code.</summary>
    public static async Task<(IReadOnlyDictionary<string, string>? Images, int ExitCode)> RunAsync(
        AwsContext aws, ComposeProject project, BuildMode mode, CliContext context, CancellationToken cancellationToken)
    {
        var docker = DockerCli.Find(context.GetEnvironment) is { } path
            ? new DockerCli(path, context.Environment, line => context.Error.WriteLine(line))
            : null;
        var result = await new ImageBuilder(aws, line => context.Out.WriteLine(line)).RunAsync(project, mode, docker, cancellationToken);
        if (result.Outcome == ImageOutcome.Ready) return (result.Parameters, ExitCodes.Success);
        await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.ImageBuild, result.Error ?? ""));
        return (null, result.Outcome == ImageOutcome.BadInput ? ExitCodes.BadInput : ExitCodes.Failed);
    }
}
