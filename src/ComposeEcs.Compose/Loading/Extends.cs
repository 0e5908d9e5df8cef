using ComposeEcs.Compose.Bounds;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Loading;

/// <summary><c>extends</c>: same-file and other-file bases, chained, with cycle detection.</summary>
internal static class Extends
{
    public static YMapping Apply(FileLoader loader, YMapping root, string path, string baseDir)
    {
        if (root["services"] is not YMapping services) return root;
        if (!services.Entries.Any(e => e.Value is YMapping m && m.Has("extends"))) return root;
        var reportedCycles = new HashSet<string>(StringComparer.Ordinal);
        var memo = new Memo();
        var resolved = services.Entries
            .Select(e => e.Value is YMapping m && m.Has("extends")
                ? e with { Value = Resolve(loader, path, root, e.Name, [], m.Location, reportedCycles, memo) ?? m.Without("extends") }
                : e)
            .ToList();
        return root.With("services", services with { Entries = [.. resolved] });
    }

    /// <param name="memo">Services already resolved, so a long chain is merged once per link, not once per service above it.</param>
    private static YMapping? Resolve(
        FileLoader loader, string file, YMapping fileRoot, string service, List<string> stack, SourceLocation at, HashSet<string> reportedCycles,
        Memo memo)
    {
        var key = $"{loader.Scope.Display(file)}:{service}";
        if (memo.Resolved.TryGetValue(key, out var known)) return known;
        var resolved = ResolveUncached(loader, file, fileRoot, service, stack, at, reportedCycles, memo);
        if (!stack.Contains(key)) memo.Resolved[key] = resolved;
        return resolved;
    }

    /// <summary>A service of a file, through an index built once per file (a linear search per link would be quadratic).</summary>
    private static YNode? ServiceIn(YMapping fileRoot, string service, Memo memo)
    {
        if (fileRoot["services"] is not YMapping services) return null;
        if (services.Entries.Length < 16) return services[service];
        if (!memo.Indexes.TryGetValue(services, out var index))
        {
            index = new Dictionary<string, YNode>(StringComparer.Ordinal);
            foreach (var e in services.Entries) index.TryAdd(e.Name, e.Value);
            memo.Indexes[services] = index;
        }
        return index.GetValueOrDefault(service);
    }

    /// <summary>Services resolved so far, and each file's services by name.</summary>
    private sealed class Memo
    {
        public Dictionary<string, YMapping?> Resolved { get; } = new(StringComparer.Ordinal);
        public Dictionary<YMapping, Dictionary<string, YNode>> Indexes { get; } = new(ReferenceEqualityComparer.Instance);
    }

    private static YMapping? ResolveUncached(
        FileLoader loader, string file, YMapping fileRoot, string service, List<string> stack, SourceLocation at, HashSet<string> reportedCycles,
        Memo memo)
    {
        var diagnostics = loader.Scope.Diagnostics;
        var display = loader.Scope.Display;
        var key = $"{display(file)}:{service}";
        if (stack.Count >= LoadLimits.MaxExtendsDepth)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Extends, $"extends chain longer than {LoadLimits.MaxExtendsDepth} services", at));
            return null;
        }
        if (stack.Contains(key))
        {
            var members = stack.Skip(stack.IndexOf(key)).Order(StringComparer.Ordinal);
            if (reportedCycles.Add(string.Join(",", members)))
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Extends, $"extends cycle: {string.Join(" -> ", stack.Append(key))}", at));
            return null;
        }
        if (ServiceIn(fileRoot, service, memo) is not YMapping svc)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Extends, $"cannot extend service \"{service}\": no such service in {display(file)}", at));
            return null;
        }
        if (svc["extends"] is not { } ext) return svc;

        string? baseService;
        var baseFile = file;
        switch (ext)
        {
            case YScalar { IsNull: false } s: baseService = s.Value; break;
            case YMapping m:
                baseService = (m["service"] as YScalar)?.Value;
                if (m["file"] is YScalar { IsNull: false } f) baseFile = f.Value;
                break;
            default: baseService = null; break;
        }
        if (string.IsNullOrEmpty(baseService))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Extends, $"service \"{service}\": extends: needs a service name", ext.Location));
            return null;
        }
        var baseRoot = baseFile == file
            ? fileRoot
            : loader.Read(baseFile, Path.GetDirectoryName(baseFile) ?? "/", ext.Location);
        if (baseRoot is null) return null;

        var next = new List<string>(stack) { key };
        var resolvedBase = Resolve(loader, baseFile, baseRoot, baseService, next, ext.Location, reportedCycles, memo);
        if (resolvedBase is null) return null;
        var merged = Merging.Merge(resolvedBase, svc.Without("extends"), "services.*") as YMapping;
        return merged ?? svc.Without("extends");
    }
}
