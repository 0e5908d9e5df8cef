using ComposeEcs.Compose.Model;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Decoding;

/// <summary>Top-level <c>networks</c>, <c>volumes</c>, <c>secrets</c> and <c>configs</c>.</summary>
internal static class TopLevelDecoder
{
    private static readonly HashSet<string> NetworkKeys =
        ["name", "driver", "driver_opts", "external", "internal", "attachable", "labels", "ipam", "enable_ipv4", "enable_ipv6"];
    private static readonly HashSet<string> VolumeKeys = ["name", "driver", "driver_opts", "external", "labels"];
    private static readonly HashSet<string> SecretKeys = ["name", "file", "environment", "external", "labels", "driver", "driver_opts", "template_driver"];
    private static readonly HashSet<string> ConfigKeys = ["name", "file", "environment", "content", "external", "labels", "template_driver"];

    public static Network Network(Reader r, YEntry entry, string project)
    {
        var map = Body(r, entry, "network");
        r.CheckKeys(map, $"network \"{entry.Name}\"", NetworkKeys);
        var (external, name) = External(r, map, entry, project, "network");
        return new Network(entry.Name)
        {
            Name = name,
            Driver = r.Str(map["driver"], $"networks.{entry.Name}.driver"),
            DriverOpts = r.StrMap(map["driver_opts"], $"networks.{entry.Name}.driver_opts"),
            External = external,
            Internal = r.Bool(map["internal"], $"networks.{entry.Name}.internal") ?? false,
            Attachable = r.Bool(map["attachable"], $"networks.{entry.Name}.attachable") ?? false,
            Labels = r.StrMap(map["labels"], $"networks.{entry.Name}.labels"),
            Location = entry.Key.Location,
            Extensions = r.Extensions(map),
            Fields = FieldPaths.Of(map),
        };
    }

    public static Volume Volume(Reader r, YEntry entry, string project)
    {
        var map = Body(r, entry, "volume");
        r.CheckKeys(map, $"volume \"{entry.Name}\"", VolumeKeys);
        var (external, name) = External(r, map, entry, project, "volume");
        return new Volume(entry.Name)
        {
            Name = name,
            Driver = r.Str(map["driver"], $"volumes.{entry.Name}.driver"),
            DriverOpts = r.StrMap(map["driver_opts"], $"volumes.{entry.Name}.driver_opts"),
            External = external,
            Labels = r.StrMap(map["labels"], $"volumes.{entry.Name}.labels"),
            Location = entry.Key.Location,
            Extensions = r.Extensions(map),
            Fields = FieldPaths.Of(map),
        };
    }

    public static Secret Secret(Reader r, YEntry entry, string project, bool isConfig)
    {
        var kind = isConfig ? "config" : "secret";
        var map = Body(r, entry, kind);
        r.CheckKeys(map, $"{kind} \"{entry.Name}\"", isConfig ? ConfigKeys : SecretKeys);
        var (external, name) = External(r, map, entry, project, kind);
        var field = $"{kind}s.{entry.Name}";
        var file = r.Str(map["file"], field + ".file");
        var environment = r.Str(map["environment"], field + ".environment");
        var content = isConfig ? r.Str(map["content"], field + ".content") : null;
        var sources = new[] { file, environment, content }.Count(s => s is not null);
        if (!external && sources != 1)
            r.Error(field, sources == 0 ? "needs one of file, environment" + (isConfig ? ", content" : "") + " or external" : "file, environment and content are mutually exclusive", entry.Key);
        if (file is not null && NotAFile(Path.GetFullPath(file), isConfig) is { } problem)
            r.Error(field + ".file", $"cannot read {file}: {problem}", map["file"], DiagnosticCodes.FileNotFound);
        return new Secret(entry.Name)
        {
            Name = name,
            File = file is null ? null : Path.GetFullPath(file),
            Environment = environment,
            Content = content,
            External = external,
            Labels = r.StrMap(map["labels"], field + ".labels"),
            Location = entry.Key.Location,
            Extensions = r.Extensions(map),
            Fields = FieldPaths.Of(map),
        };
    }

    /// <summary>
    /// A source that exists but is no regular file: <c>/dev/zero</c> would be read forever and a FIFO would block, so
    /// they are refused here, by name and at the field, before anything reads them. A secret must be one file; a config
    /// may be a directory (delivered file by file). A missing file is left to the commands that need it.
    /// </summary>
    private static string? NotAFile(string path, bool isConfig) =>
        path.Contains('\0') ? null
        : Directory.Exists(path) ? (isConfig ? null : "is a directory, not a regular file")
        : File.Exists(path) ? Bounds.InputFiles.KindOf(path) is { } kind ? $"is {kind}, not a regular file" : null
        : null;

    private static YMapping Body(Reader r, YEntry entry, string kind) => entry.Value switch
    {
        YMapping m => m,
        YScalar { IsNull: true } => YMapping.Empty(entry.Key.Location),
        _ => Fail(r, entry, kind),
    };

    private static YMapping Fail(Reader r, YEntry entry, string kind)
    {
        r.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, $"{kind} \"{entry.Name}\" must be a mapping", entry.Value.Location));
        return YMapping.Empty(entry.Key.Location);
    }

    /// <summary><c>external: true</c>, or the legacy <c>external: {name: x}</c>; external resources keep their name.</summary>
    private static (bool External, string Name) External(Reader r, YMapping map, YEntry entry, string project, string kind)
    {
        var field = $"{kind}s.{entry.Name}";
        var explicitName = r.Str(map["name"], field + ".name");
        var external = false;
        switch (map["external"])
        {
            case YMapping legacy:
                external = true;
                explicitName ??= r.Str(legacy["name"], field + ".external.name");
                break;
            case { } node:
                external = r.Bool(node, field + ".external") ?? false;
                break;
        }
        if (external) return (true, explicitName ?? entry.Name);
        return (false, explicitName ?? $"{project}_{entry.Name}");
    }
}
