using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Loading;

/// <summary>
/// Top-level <c>include</c>: each entry is loaded as its own project (own directory, own <c>.env</c>/<c>env_file</c>)
/// and its resources are added to the including file; defining the same resource differently is an error.
/// </summary>
internal static class Includes
{
    private static readonly string[] Sections = ["services", "networks", "volumes", "secrets", "configs"];

    public static YMapping? Apply(FileLoader loader, YMapping root, string path, string baseDir, IReadOnlyList<string> stack)
    {
        if (root["include"] is not { } include) return root;
        var diagnostics = loader.Scope.Diagnostics;
        var entries = include switch
        {
            YSequence seq => seq.Items,
            YScalar { IsNull: true } => [],
            _ => [include],
        };
        var result = root.Without("include");
        foreach (var entry in entries)
        {
            var spec = Spec(entry, baseDir, diagnostics);
            if (spec is null) continue;
            var (paths, projectDir, envFiles) = spec.Value;
            var cycle = paths.FirstOrDefault(p => stack.Contains(p) || p == path);
            if (cycle is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Include, $"include cycle: {string.Join(" -> ", stack.Append(path).Append(cycle).Select(loader.Scope.Display))}", entry.Location));
                return null;
            }
            // The same include reached again (a diamond, or one file included twice) is not loaded again.
            var key = string.Join("\n", paths) + "\0" + projectDir + "\0" + string.Join("\n", envFiles);
            if (!loader.Scope.Included.TryGetValue(key, out var included))
            {
                included = LoadEntry(loader, paths, projectDir, envFiles, entry, [.. stack, path]);
                loader.Scope.Included[key] = included;
            }
            if (included is null) return null;
            result = Import(result, included, entry, diagnostics, loader.Scope.Display(paths[0]));
        }
        return result;
    }

    private static YMapping? LoadEntry(FileLoader loader, string[] paths, string projectDir, string[] envFiles, YNode entry, IReadOnlyList<string> stack)
    {
        var env = Environment.ForProject(loader.Scope.ProcessEnvironment, envFiles, projectDir, loader.Scope.Display, loader.Scope.Diagnostics, entry.Location);
        var child = new FileLoader(loader.Scope with { Lookup = env });
        YMapping? included = null;
        foreach (var p in paths)
        {
            var loaded = child.Load(p, projectDir, entry.Location, stack);
            if (loaded is null) return null;
            included = included is null ? loaded : Merging.Merge(included, loaded, "") as YMapping;
        }
        return included;
    }

    private static (string[] Paths, string ProjectDir, string[] EnvFiles)? Spec(YNode entry, string baseDir, List<Diagnostic> diagnostics)
    {
        string Abs(string p) => Path.GetFullPath(Path.Combine(baseDir, p));
        switch (entry)
        {
            case YScalar { IsNull: false } s:
                var file = Abs(s.Value);
                return ([file], Path.GetDirectoryName(file)!, []);
            case YMapping m:
                var paths = m["path"] switch
                {
                    YScalar { IsNull: false } ps => [Abs(ps.Value)],
                    YSequence seq => seq.Items.OfType<YScalar>().Select(i => Abs(i.Value)).ToArray(),
                    _ => Array.Empty<string>(),
                };
                if (paths.Length == 0)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Include, "include: path is required", m.Location));
                    return null;
                }
                var projectDir = m["project_directory"] is YScalar { IsNull: false } pd ? Abs(pd.Value) : Path.GetDirectoryName(paths[0])!;
                var envFiles = m["env_file"] switch
                {
                    YScalar { IsNull: false } es => [Abs(es.Value)],
                    YSequence seq => seq.Items.OfType<YScalar>().Select(i => Abs(i.Value)).ToArray(),
                    _ => Array.Empty<string>(),
                };
                return (paths, projectDir, envFiles);
            default:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Include, "include: each entry must be a path or a mapping", entry.Location));
                return null;
        }
    }

    private static YMapping Import(YMapping root, YMapping included, YNode at, List<Diagnostic> diagnostics, string includedName)
    {
        foreach (var section in Sections)
        {
            if (included[section] is not YMapping incoming) continue;
            var existing = root[section] as YMapping ?? YMapping.Empty(incoming.Location);
            var entries = existing.Entries.ToBuilder();
            var mine = new Dictionary<string, YNode>(StringComparer.Ordinal);
            foreach (var e in existing.Entries) mine.TryAdd(e.Name, e.Value);
            foreach (var e in incoming.Entries)
            {
                if (mine.TryGetValue(e.Name, out var defined))
                {
                    if (!ReferenceEquals(defined, e.Value) && Canonical(defined) != Canonical(e.Value))
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Include, $"{section[..^1]} \"{e.Name}\" from included file {includedName} conflicts with the one defined here", at.Location));
                    continue;
                }
                mine[e.Name] = e.Value;
                entries.Add(e);
            }
            root = root.With(section, existing with { Entries = entries.ToImmutable() });
        }
        return root;
    }

    private static string Canonical(YNode node) => node switch
    {
        YScalar s => s.Kind == ScalarKind.Null ? "~" : "'" + s.Value + "'",
        YSequence seq => "[" + string.Join(",", seq.Items.Select(Canonical)) + "]",
        YMapping m => "{" + string.Join(",", m.Entries.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => e.Name + ":" + Canonical(e.Value))) + "}",
        _ => "",
    };
}
