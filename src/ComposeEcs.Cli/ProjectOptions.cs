using System.CommandLine;
using System.Collections.Immutable;

namespace ComposeEcs.Cli;

/// <summary>The compose flags every project command shares: <c>-f</c>, <c>-p</c>, <c>--project-directory</c>, <c>--env-file</c>, <c>--profile</c>.</summary>
public sealed class ProjectOptions
{
    public Option<string[]> Files { get; } = new("--file", "-f")
    {
        HelpName = "FILE",
        Description = "Compose configuration files (repeatable; default compose.yaml and its override, or COMPOSE_FILE)",
    };

    public Option<string?> ProjectName { get; } = new("--project-name", "-p")
    {
        HelpName = "NAME",
        Description = "Project name (default COMPOSE_PROJECT_NAME, the top-level name, or the directory name)",
    };

    public Option<string?> ProjectDirectory { get; } = new("--project-directory")
    {
        HelpName = "DIR",
        Description = "Alternate working directory (default: the directory of the first compose file)",
    };

    public Option<string[]> EnvFiles { get; } = new("--env-file")
    {
        HelpName = "FILE",
        Description = "Alternate environment files (repeatable; default .env in the project directory)",
    };

    public Option<string[]> Profiles { get; } = new("--profile")
    {
        HelpName = "PROFILE",
        Description = "Profiles to enable (repeatable; default COMPOSE_PROFILES)",
    };

    /// <summary>The five options, for the root help (they are accepted before the command too).</summary>
    public IReadOnlyList<Option> All => [Files, ProjectName, ProjectDirectory, EnvFiles, Profiles];

    public void AddTo(Command command)
    {
        command.Options.Add(Files);
        command.Options.Add(ProjectName);
        command.Options.Add(ProjectDirectory);
        command.Options.Add(EnvFiles);
        command.Options.Add(Profiles);
    }

    public ProjectArguments Read(ParseResult parse) => new(
        [.. parse.GetValue(Files) ?? []],
        parse.GetValue(ProjectName),
        parse.GetValue(ProjectDirectory),
        [.. parse.GetValue(EnvFiles) ?? []],
        [.. parse.GetValue(Profiles) ?? []]);
}

public sealed record ProjectArguments(
    ImmutableArray<string> Files,
    string? ProjectName,
    string? ProjectDirectory,
    ImmutableArray<string> EnvFiles,
    ImmutableArray<string> Profiles);
