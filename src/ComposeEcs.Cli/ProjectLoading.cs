using ComposeEcs.Compose;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose.Model;
using ComposeEcs.Ecs;

namespace ComposeEcs.Cli;

/// <summary>Shared by project commands: the compose flags + <see cref="CliContext"/> to a loaded project, and diagnostics to stderr.</summary>
public static class ProjectLoading
{
    public static LoadOptions Options(ProjectArguments args, CliContext ctx) => new()
    {
        Files = args.Files,
        ProjectName = args.ProjectName,
        ProjectDirectory = args.ProjectDirectory,
        EnvFiles = args.EnvFiles,
        Profiles = args.Profiles,
        Environment = ctx.Environment,
        WorkingDirectory = ctx.WorkingDirectory,
    };

    public static Result<ComposeProject> Load(ProjectArguments args, CliContext ctx) => ComposeLoader.Load(Options(args, ctx));

    /// <summary>Loads and converts, reporting every diagnostic on stderr; null when either stage had an error.</summary>
    public static ConvertedProject? Convert(ProjectArguments args, CliContext ctx)
    {
        var loaded = Load(args, ctx);
        Report(loaded.Diagnostics, ctx);
        if (!loaded.Succeeded || loaded.Value is not { } project) return null;
        var converted = ComposeTransform.Convert(project, new TransformOptions
        {
            LocalFiles = LocalFiles.Read(project, ctx.Environment.GetValueOrDefault),
            BinarySecrets = [.. Deploy.ComposeSecrets.BinaryKeys(project)],
        });
        Report(converted.Diagnostics, ctx);
        if (!converted.Succeeded || converted.Value is not { } template) return null;
        if (TemplateGate.Check(project, template) is { } error)
        {
            Report([error], ctx);
            return null;
        }
        return new ConvertedProject(project, template);
    }

    /// <summary>One line per diagnostic on stderr: <c>file:line:col: error: message</c> (see <see cref="Messages.DiagnosticReport"/>).</summary>
    public static void Report(IEnumerable<Diagnostic> ds, CliContext ctx)
    {
        foreach (var line in Messages.DiagnosticReport.Lines(ds, ctx.Verbose)) ctx.Error.WriteLine(line);
    }
}

public sealed record ConvertedProject(ComposeProject Project, Template Template);
