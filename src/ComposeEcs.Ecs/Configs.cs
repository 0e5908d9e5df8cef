using System.Collections.Immutable;
using System.Text;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// Compose <c>configs</c>: non-secret files written into the container at their <c>target</c> (default
/// <c>/&lt;config name&gt;</c>) before it starts, with <c>mode</c> (default 0444), <c>uid</c> and <c>gid</c>, by
/// <see cref="FileDelivery"/>. The content comes from <c>file</c> (read into <see cref="LocalFiles"/> before the
/// transform), <c>content</c>, or <c>environment</c> (the variable's value, also in <see cref="LocalFiles"/>), and
/// lives in the task definition. External configs have no store on AWS to come from, and are refused.
/// </summary>
internal static class Configs
{
    public const int DefaultMode = 0b100_100_100;

    public static ImmutableSortedDictionary<string, ImmutableArray<FileItem>> Items(ComposeProject project, LocalFiles files, List<Diagnostic> diagnostics)
    {
        var contents = new Dictionary<string, ImmutableArray<byte>?>(StringComparer.Ordinal);
        ImmutableArray<byte>? Content(Secret config)
        {
            if (contents.TryGetValue(config.Key, out var known)) return known;
            var content = Read(project, config, files, diagnostics);
            contents[config.Key] = content;
            return content;
        }

        var result = Maps.Empty<ImmutableArray<FileItem>>();
        foreach (var service in project.Services.Values.Where(s => !s.Configs.IsEmpty))
        {
            var items = ImmutableArray.CreateBuilder<FileItem>();
            for (var i = 0; i < service.Configs.Length; i++)
            {
                var reference = service.Configs[i];
                if (!project.Configs.TryGetValue(reference.Source, out var config)) continue;
                var target = Target(reference);
                var label = $"configs: {reference.Source}";
                var at = service.LocationOf($"configs[{i}]");
                if (target is null)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Config, $"service \"{service.Name}\": {label}: target \"{reference.Target}\" must be a path without '.' or '..' parts", at));
                    continue;
                }
                if (Content(config) is not { } content) continue;
                var owner = reference.Uid is null && reference.Gid is null ? null : $"{reference.Uid ?? "0"}:{reference.Gid ?? "0"}";
                items.Add(new FileItem(target, false, [new LocalFile("", content, false)], [],
                    reference.Mode ?? DefaultMode, owner, ReadOnly: true, label, at));
            }
            if (items.Count > 0) result = result.Add(service.Name, items.ToImmutable());
        }
        return result;
    }

    /// <summary>The absolute target: <c>target</c> (a relative one is under <c>/</c>, as Docker does) or <c>/&lt;source&gt;</c>.</summary>
    public static string? Target(FileReference reference)
    {
        var target = reference.Target ?? reference.Source;
        var parts = target.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 || parts.Any(p => p is "." or "..") ? null : "/" + string.Join('/', parts);
    }

    private static ImmutableArray<byte>? Read(ComposeProject project, Secret config, LocalFiles files, List<Diagnostic> diagnostics)
    {
        Diagnostic Error(string message) => Diagnostic.Error(DiagnosticCodes.Config, $"config \"{config.Key}\": {message}", config.Location);
        if (config.External)
        {
            diagnostics.Add(Error("external configs cannot be delivered, AWS has no config store to read them from; use file, content or environment"));
            return null;
        }
        if (config.Content is { } text) return [.. Encoding.UTF8.GetBytes(text)];
        if (config.Environment is { } variable)
        {
            if (files.Variables.TryGetValue(variable, out var value)) return [.. Encoding.UTF8.GetBytes(value)];
            diagnostics.Add(Error($"environment variable {variable} is not set"));
            return null;
        }
        if (config.File is not { } path) return null;
        var shown = Shown(project, path);
        var entry = files[path];
        switch (entry.Kind)
        {
            case LocalKind.Missing:
                diagnostics.Add(Error($"file {shown} not found"));
                return null;
            case LocalKind.Directory:
                diagnostics.Add(Error($"file {shown} is a directory; a config is one file (bind-mount a small directory instead)"));
                return null;
            case LocalKind.File when entry.OverLimit:
                diagnostics.Add(Error($"file {shown} is larger than the {FileDelivery.MaxBytes / 1024} KiB a task definition can carry; COPY it in a Dockerfile"));
                return null;
            default:
                return entry.Files[0].Content;
        }
    }

    /// <summary>The file as a path relative to the project (<c>./nginx.conf</c>), never the absolute path on this machine.</summary>
    private static string Shown(ComposeProject project, string path)
    {
        var relative = Path.GetRelativePath(project.WorkingDirectory, path).Replace('\\', '/');
        return Path.IsPathRooted(relative) || relative.StartsWith("../", StringComparison.Ordinal) ? relative : "./" + relative;
    }
}
