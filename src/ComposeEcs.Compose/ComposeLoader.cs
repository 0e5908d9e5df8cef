using System.Collections.Immutable;
using ComposeEcs.Compose.Decoding;
using ComposeEcs.Compose.Loading;
using ComposeEcs.Compose.Model;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose;

/// <summary>
/// Loads a compose project as compose-go does, in fixed passes: find files, read env, per file (parse, interpolate,
/// resolve paths, include, extends), merge files, name the project, decode + normalise + validate, apply profiles.
/// User errors come back as diagnostics; nothing is thrown for bad input.
/// </summary>
public static class ComposeLoader
{
    public static Result<ComposeProject> Load(LoadOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        try
        {
            var project = LoadCore(options, diagnostics);
            // Source order reads best; diagnostics without a position (CLI-level) come first.
            var ordered = diagnostics.Select(OneLine).Distinct().InSourceOrder();
            return ordered.Any(d => d.Severity == Severity.Error) ? new(null, ordered) : new(project, ordered);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileNotFound, e.Message));
            return new(null, [.. diagnostics]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A loader bug must still come back as one line, not a stack trace; the fuzz test asserts this never happens.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LoaderInternal, $"internal error while loading: {e.GetType().Name}: {e.Message}"));
            return new(null, [.. diagnostics]);
        }
    }

    private static ComposeProject? LoadCore(LoadOptions options, List<Diagnostic> diagnostics)
    {
        var cwd = Path.GetFullPath(options.WorkingDirectory);
        string Display(string path)
        {
            // As the user would type it from the working directory (goldens and CI run from other folders).
            var relative = Path.GetRelativePath(cwd, path);
            return Path.IsPathRooted(relative) ? path : relative;
        }
        var process = options.Environment;
        var explicitEnvFiles = options.EnvFiles.Select(f => Path.GetFullPath(Path.Combine(cwd, f))).ToArray();

        // COMPOSE_FILE may come from the .env next to where we look for files.
        var preliminaryDir = options.ProjectDirectory is { } pd ? Path.GetFullPath(Path.Combine(cwd, pd)) : cwd;
        var preliminary = Loading.Environment.ReadFiles(process, explicitEnvFiles, preliminaryDir, Display, [], null);
        var files = FileDiscovery.Find(options with { WorkingDirectory = cwd }, n => process.TryGetValue(n, out var v) ? v : preliminary.GetValueOrDefault(n), diagnostics);
        if (files is null) return null;

        var projectDir = options.ProjectDirectory is not null ? preliminaryDir : Path.GetDirectoryName(files[0])!;
        var envValues = Loading.Environment.ReadFiles(process, explicitEnvFiles, projectDir, Display, diagnostics, null);
        string? Lookup(string name) => process.TryGetValue(name, out var v) ? v : envValues.GetValueOrDefault(name);
        if (diagnostics.Any(d => d.Severity == Severity.Error)) return null;

        var scope = new LoadScope(Lookup, Display, diagnostics, [], process);
        var loader = new FileLoader(scope);
        YMapping? merged = null;
        foreach (var file in files)
        {
            var root = loader.Load(file, projectDir, null, []);
            if (root is null) continue;
            merged = merged is null ? (YMapping)Merging.StripResets(root) : Merging.Merge(merged, root, "") as YMapping;
        }
        if (merged is null || diagnostics.Any(d => d.Severity == Severity.Error)) return null;
        if (merged["services"] is YMapping { Entries.Length: > Bounds.LoadLimits.MaxServices } many)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InputTooLarge, $"more than {Bounds.LoadLimits.MaxServices:N0} services", many.Entries[Bounds.LoadLimits.MaxServices].Key.Location));
            return null;
        }

        var name = ProjectName(options, merged, Lookup, projectDir, diagnostics);
        if (name is null) return null;

        var profiles = options.Profiles.Length > 0
            ? options.Profiles.ToHashSet(StringComparer.Ordinal)
            : (Lookup("COMPOSE_PROFILES") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

        var project = ProjectDecoder.Decode(merged, name, projectDir, [.. files], Lookup, Display, diagnostics);
        if (project is null) return null;
        return Profiles.Apply(project, profiles, options.Services, diagnostics);
    }

    /// <summary>Every diagnostic prints as one line, even when it quotes a multi-line value.</summary>
    private static Diagnostic OneLine(Diagnostic d) =>
        d.Message.Contains('\n') || d.Message.Contains('\r') ? d with { Message = d.Message.Replace("\r", "\\r").Replace("\n", "\\n") } : d;

    private static string? ProjectName(LoadOptions options, YMapping merged, Func<string, string?> lookup, string projectDir, List<Diagnostic> diagnostics)
    {
        var nameNode = merged["name"] as YScalar;
        (string? Value, string Source, SourceLocation? At) candidate =
            !string.IsNullOrEmpty(options.ProjectName) ? (options.ProjectName, "-p", null)
            : lookup("COMPOSE_PROJECT_NAME") is { Length: > 0 } env ? (env, "COMPOSE_PROJECT_NAME", null)
            : nameNode is { IsNull: false, Value.Length: > 0 } ? (nameNode.Value, "name:", nameNode.Location)
            : (null, "", null);
        if (candidate.Value is null)
        {
            var normalized = ProjectNames.Normalize(Path.GetFileName(projectDir.TrimEnd('/')));
            if (normalized.Length == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ProjectName, $"cannot derive a project name from the directory \"{projectDir}\"; set one with -p or name:"));
                return null;
            }
            return normalized;
        }
        if (!ProjectNames.IsValid(candidate.Value))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ProjectName, 
                $"invalid project name \"{candidate.Value}\" (from {candidate.Source}): must contain only lowercase letters, digits, dashes and underscores, and start with a letter or digit",
                candidate.At));
            return null;
        }
        return candidate.Value;
    }
}
