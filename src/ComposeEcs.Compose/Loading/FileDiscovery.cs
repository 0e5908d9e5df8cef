namespace ComposeEcs.Compose.Loading;

/// <summary>Which compose files to load: <c>-f</c>, then <c>COMPOSE_FILE</c>, then the default names (searching parent directories).</summary>
internal static class FileDiscovery
{
    private static readonly string[] Defaults = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];

    public static string[]? Find(LoadOptions options, Func<string, string?> lookup, List<Diagnostic> diagnostics)
    {
        var cwd = options.WorkingDirectory;
        if (options.Files.Length > 0) return [.. options.Files.Select(f => Path.GetFullPath(Path.Combine(cwd, f)))];

        var searchDir = options.ProjectDirectory is { } pd ? Path.GetFullPath(Path.Combine(cwd, pd)) : cwd;
        if (lookup("COMPOSE_FILE") is { Length: > 0 } composeFile)
        {
            var separator = lookup("COMPOSE_PATH_SEPARATOR") is { Length: > 0 } sep ? sep : Path.PathSeparator.ToString();
            return [.. composeFile.Split(separator, StringSplitOptions.RemoveEmptyEntries).Select(f => Path.GetFullPath(Path.Combine(searchDir, f)))];
        }

        for (var dir = searchDir; dir is not null; dir = options.ProjectDirectory is null ? Path.GetDirectoryName(dir) : null)
        {
            var found = Defaults.Select(name => Path.Combine(dir, name)).Where(File.Exists).ToList();
            if (found.Count == 0) continue;
            if (found.Count > 1)
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.SeveralComposeFiles, $"found multiple config files with supported names: {string.Join(", ", found.Select(Path.GetFileName))}; using {Path.GetFileName(found[0])}"));
            var main = found[0];
            var stem = Path.GetFileNameWithoutExtension(main);
            var ext = Path.GetExtension(main);
            var overrideFile = new[] { ext, ext == ".yaml" ? ".yml" : ".yaml" }
                .Select(e => Path.Combine(dir, $"{stem}.override{e}"))
                .FirstOrDefault(File.Exists);
            return overrideFile is null ? [main] : [main, overrideFile];
        }
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileNotFound, $"no configuration file provided: not found (looked for {string.Join(", ", Defaults)} in {searchDir} and its parents)"));
        return null;
    }
}
