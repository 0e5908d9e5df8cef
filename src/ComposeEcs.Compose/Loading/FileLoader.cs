using ComposeEcs.Compose.Bounds;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Loading;

/// <summary>What every pass over one project's files shares: the variable lookup, display of paths and the diagnostics.</summary>
internal sealed record LoadScope(
    Func<string, string?> Lookup,
    Func<string, string> Display,
    List<Diagnostic> Diagnostics,
    HashSet<string> WarnedUnset,
    IReadOnlyDictionary<string, string> ProcessEnvironment)
{
    /// <summary>What the whole load may still read and build (<see cref="LoadLimits"/>).</summary>
    public LoadBudget Budget { get; init; } = new();

    /// <summary>Each file's YAML, parsed once however often it is included or extended.</summary>
    public Dictionary<string, (YNode? Root, long Nodes, long Chars)> Parsed { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Each include (paths, project directory, env files) loaded once however often it is included.</summary>
    public Dictionary<string, YMapping?> Included { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Loads one compose file through the per-file passes: parse, interpolate, resolve relative paths, include, extends.
/// Parsed files are cached so <c>extends: {file: ...}</c> chains read each file once.
/// </summary>
internal sealed class FileLoader(LoadScope scope)
{
    private readonly Dictionary<string, YMapping?> _parsed = new(StringComparer.Ordinal);

    public LoadScope Scope => scope;

    /// <summary>Parse + interpolate + paths (no include/extends); null after reporting an error.</summary>
    public YMapping? Read(string path, string baseDir, SourceLocation? requestedAt)
    {
        var key = path + "\n" + baseDir;
        if (_parsed.TryGetValue(key, out var cached)) return cached;
        _parsed[key] = null;
        var result = ReadUncached(path, baseDir, requestedAt);
        _parsed[key] = result;
        return result;
    }

    private YMapping? ReadUncached(string path, string baseDir, SourceLocation? requestedAt)
    {
        if (!scope.Parsed.TryGetValue(path, out var parsed))
        {
            parsed = Parse(path, requestedAt);
            scope.Parsed[path] = parsed;
        }
        else if (parsed.Root is not null && scope.Budget.Spend(parsed.Nodes, parsed.Chars) is { } problem)
        {
            // The same file read again under another environment is interpolated again: it counts again.
            scope.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InputTooLarge, problem, requestedAt ?? parsed.Root.Location));
            return null;
        }
        if (parsed.Root is null) return null;
        if (parsed.Root is not YMapping root)
        {
            scope.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NotAComposeFile, "top-level object must be a mapping", parsed.Root.Location));
            return null;
        }
        if (root.Entries.IsEmpty)
        {
            scope.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NotAComposeFile, "empty compose file", root.Location));
            return null;
        }
        var errorsBefore = scope.Diagnostics.Count(d => d.Severity == Severity.Error);
        var interpolated = InterpolatePass.Apply(root, scope.Lookup, scope.Diagnostics, scope.WarnedUnset);
        if (scope.Diagnostics.Count(d => d.Severity == Severity.Error) > errorsBefore) return null;
        return CanonicalPass.Apply((YMapping)PathsPass.Apply(interpolated, baseDir, scope.Lookup));
    }

    private (YNode? Root, long Nodes, long Chars) Parse(string path, SourceLocation? requestedAt)
    {
        var (text, problem) = InputFiles.ReadText(path);
        if (text is null)
        {
            scope.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileNotFound, $"cannot read {scope.Display(path)}: {problem}", requestedAt));
            return (null, 0, 0);
        }
        var (nodes, chars) = (scope.Budget.Nodes, scope.Budget.ScalarChars);
        var parsed = YamlParsing.Parse(text, scope.Display(path), scope.Budget);
        if (!parsed.Succeeded)
        {
            scope.Diagnostics.AddRange(parsed.Diagnostics);
            return (null, 0, 0);
        }
        return (parsed.Value, scope.Budget.Nodes - nodes, scope.Budget.ScalarChars - chars);
    }

    /// <summary>A file with its includes and extends resolved, ready to merge with the other <c>-f</c> files.</summary>
    public YMapping? Load(string path, string baseDir, SourceLocation? requestedAt, IReadOnlyList<string> includeStack)
    {
        var root = Read(path, baseDir, requestedAt);
        if (root is null) return null;
        root = Includes.Apply(this, root, path, baseDir, includeStack);
        if (root is null) return null;
        return Extends.Apply(this, root, path, baseDir);
    }
}
