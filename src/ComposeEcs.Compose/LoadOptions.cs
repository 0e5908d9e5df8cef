using System.Collections.Immutable;

namespace ComposeEcs.Compose;

/// <summary>Everything <see cref="ComposeLoader.Load"/> reads from the outside: the CLI flags, the environment and the cwd.</summary>
public sealed record LoadOptions
{
    /// <summary><c>-f</c>, in order; empty → <c>COMPOSE_FILE</c>, then default file discovery.</summary>
    public ImmutableArray<string> Files { get; init; } = [];
    /// <summary><c>-p</c>.</summary>
    public string? ProjectName { get; init; }
    /// <summary><c>--project-directory</c>.</summary>
    public string? ProjectDirectory { get; init; }
    /// <summary><c>--env-file</c> (repeatable); empty → <c>&lt;projectdir&gt;/.env</c> if present.</summary>
    public ImmutableArray<string> EnvFiles { get; init; } = [];
    /// <summary><c>--profile</c>; empty → <c>COMPOSE_PROFILES</c>.</summary>
    public ImmutableArray<string> Profiles { get; init; } = [];
    /// <summary>
    /// Services named on the command line (<c>config web</c>); empty → all enabled services. When set, the project holds
    /// exactly these services and their dependencies, enabled whatever their profiles.
    /// </summary>
    public ImmutableArray<string> Services { get; init; } = [];
    /// <summary>The process environment (injected; the loader never reads the real one).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    /// <summary>cwd for relative <c>-f</c> paths.</summary>
    public required string WorkingDirectory { get; init; }
}
