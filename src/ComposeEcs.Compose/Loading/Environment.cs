namespace ComposeEcs.Compose.Loading;

/// <summary>The variables a project interpolates with: the process environment, then its <c>.env</c> / <c>--env-file</c>s.</summary>
internal static class Environment
{
    /// <summary>Reads the env files (or <c>&lt;projectDir&gt;/.env</c> when none is given); the process environment wins.</summary>
    public static Func<string, string?> ForProject(
        IReadOnlyDictionary<string, string> process,
        IReadOnlyList<string> envFiles,
        string projectDir,
        Func<string, string> display,
        List<Diagnostic> diagnostics,
        SourceLocation? at)
    {
        var values = ReadFiles(process, envFiles, projectDir, display, diagnostics, at);
        return name => process.TryGetValue(name, out var v) ? v : values.GetValueOrDefault(name);
    }

    public static Dictionary<string, string> ReadFiles(
        IReadOnlyDictionary<string, string> process,
        IReadOnlyList<string> envFiles,
        string projectDir,
        Func<string, string> display,
        List<Diagnostic> diagnostics,
        SourceLocation? at)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = envFiles.Count > 0 ? envFiles : [Path.Combine(projectDir, ".env")];
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                if (envFiles.Count > 0) diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileNotFound, $"env file {display(file)} not found", at));
                continue;
            }
            var (content, problem) = Bounds.InputFiles.ReadText(file);
            if (content is null) { diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileNotFound, $"cannot read {display(file)}: {problem}", at)); continue; }
            var parsed = DotEnv.Parse(content, display(file), name => process.TryGetValue(name, out var v) ? v : values.GetValueOrDefault(name));
            if (parsed.Error is not null) diagnostics.Add(parsed.Error);
            foreach (var (key, value) in parsed.Values) values[key] = value;
        }
        return values;
    }
}
