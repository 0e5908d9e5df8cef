using System.Collections.Immutable;
using ComposeEcs.Compose.Loading;
using ComposeEcs.Compose.Model;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Decoding;

/// <summary>What decoding a service needs from the rest of the project.</summary>
internal sealed record DecodeContext(
    Func<string, string?> Lookup,
    Func<string, string> Display,
    IReadOnlySet<string> Networks,
    IReadOnlySet<string> Volumes,
    IReadOnlySet<string> Secrets,
    IReadOnlySet<string> Configs)
{
    /// <summary>Parsed env files by path: large projects share one env_file across many services.</summary>
    public Dictionary<string, DotEnv.Parsed> EnvFileCache { get; } = new(StringComparer.Ordinal);

    /// <summary>Ports the project has expanded so far (<see cref="Bounds.LoadLimits.MaxPorts"/>).</summary>
    public Bounds.LoadBudget Ports { get; } = new();
}

/// <summary>One service mapping to a <see cref="Service"/>, every short syntax normalised to the long form.</summary>
internal static class ServiceDecoder
{
    public static Service? Decode(string name, YEntry entry, DecodeContext ctx, List<Diagnostic> diagnostics)
    {
        var r = new Reader(diagnostics, $"service \"{name}\"");
        var map = entry.Value switch
        {
            YMapping m => m,
            YScalar { IsNull: true } => YMapping.Empty(entry.Key.Location),
            _ => null,
        };
        if (map is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, $"service \"{name}\" must be a mapping", entry.Value.Location));
            return null;
        }
        r.CheckKeys(map, "", ServiceKeys.All);
        if (map["image"] is null && map["build"] is null && map["provider"] is null)
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ServiceWithoutImage, $"service \"{name}\" has neither an image nor a build context specified", entry.Key.Location));

        var envFiles = EnvFiles(r, map["env_file"]);
        var networkMode = r.Str(map["network_mode"], "network_mode");
        return new Service
        {
            Name = name,
            Location = entry.Key.Location,
            Image = r.Str(map["image"], "image"),
            Build = Build(r, map["build"], ctx),
            Platform = r.Str(map["platform"], "platform"),
            Profiles = r.StrList(map["profiles"], "profiles", allowSingle: false),
            Command = Command(r, map["command"], "command"),
            Entrypoint = Command(r, map["entrypoint"], "entrypoint"),
            Environment = Environment(r, map["environment"], map["env_file"], envFiles, ctx),
            EnvFiles = envFiles,
            WorkingDir = r.Str(map["working_dir"], "working_dir"),
            User = r.Str(map["user"], "user"),
            Hostname = r.Str(map["hostname"], "hostname"),
            Domainname = r.Str(map["domainname"], "domainname"),
            Ports = Ports.Read(r, map["ports"], ctx.Ports),
            Expose = Ports.ReadExpose(r, map["expose"], ctx.Ports),
            Volumes = CheckVolumes(r, ServiceVolumes.Read(r, map["volumes"]), map["volumes"], ctx),
            Secrets = FileReferences.Read(r, map["secrets"], "secrets", ctx.Secrets),
            Configs = FileReferences.Read(r, map["configs"], "configs", ctx.Configs),
            DependsOn = DependsOn(r, map["depends_on"]),
            Networks = Networks(r, map["networks"], networkMode, ctx),
            NetworkMode = networkMode,
            Healthcheck = ServiceParts.Healthcheck(r, map["healthcheck"]),
            Deploy = DeployDecoder.Read(r, map["deploy"]),
            Logging = ServiceParts.Logging(r, map["logging"]),
            Ulimits = ServiceParts.Ulimits(r, map["ulimits"]),
            CapAdd = r.StrList(map["cap_add"], "cap_add", allowSingle: false),
            CapDrop = r.StrList(map["cap_drop"], "cap_drop", allowSingle: false),
            Init = r.Bool(map["init"], "init"),
            Tmpfs = r.StrList(map["tmpfs"], "tmpfs"),
            Sysctls = r.StrMap(map["sysctls"], "sysctls"),
            ReadOnly = r.Bool(map["read_only"], "read_only") ?? false,
            Privileged = r.Bool(map["privileged"], "privileged") ?? false,
            Tty = r.Bool(map["tty"], "tty") ?? false,
            StdinOpen = r.Bool(map["stdin_open"], "stdin_open") ?? false,
            StopGracePeriod = r.Duration(map["stop_grace_period"], "stop_grace_period"),
            StopSignal = r.Str(map["stop_signal"], "stop_signal"),
            Labels = r.StrMap(map["labels"], "labels"),
            ExtraHosts = ServiceParts.ExtraHosts(r, map["extra_hosts"]),
            Dns = r.StrList(map["dns"], "dns"),
            DnsSearch = r.StrList(map["dns_search"], "dns_search"),
            Restart = ServiceParts.Restart(r, map["restart"]),
            PullPolicy = r.Str(map["pull_policy"], "pull_policy"),
            Scale = r.Int(map["scale"], "scale"),
            Cpus = r.Double(map["cpus"], "cpus"),
            MemLimit = r.Bytes(map["mem_limit"], "mem_limit"),
            MemReservation = r.Bytes(map["mem_reservation"], "mem_reservation"),
            ShmSize = r.Bytes(map["shm_size"], "shm_size"),
            ContainerName = r.Str(map["container_name"], "container_name"),
            Devices = r.StrList(map["devices"], "devices", allowSingle: false),
            Links = r.StrList(map["links"], "links", allowSingle: false),
            ExternalLinks = r.StrList(map["external_links"], "external_links", allowSingle: false),
            Ipc = r.Str(map["ipc"], "ipc"),
            Pid = r.Str(map["pid"], "pid"),
            SecurityOpt = r.StrList(map["security_opt"], "security_opt", allowSingle: false),
            CgroupParent = r.Str(map["cgroup_parent"], "cgroup_parent"),
            Extensions = r.Extensions(map),
            Other = Reader.Plain(map, ServiceKeys.Unmodelled.Contains),
            Fields = FieldPaths.Of(map),
        };
    }

    private static BuildConfig? Build(Reader r, YNode? node, DecodeContext ctx)
    {
        switch (node)
        {
            case null or YScalar { IsNull: true }: return null;
            case YScalar s: return new BuildConfig(s.Value);
            case YMapping m:
                return new BuildConfig(r.Str(m["context"], "build.context") ?? ".", r.Str(m["dockerfile"], "build.dockerfile"))
                {
                    // An arg without a value takes the project environment's (.env included), as compose-go resolves it.
                    Args = r.NullableStrMap(m["args"], "build.args").ToImmutableSortedDictionary(a => a.Key, a => a.Value ?? ctx.Lookup(a.Key), StringComparer.Ordinal),
                    Target = r.Str(m["target"], "build.target"),
                    Secrets = FileReferences.Read(r, m["secrets"], "build.secrets", ctx.Secrets),
                    Ssh = BuildSsh(r, m["ssh"]),
                    CacheFrom = r.StrList(m["cache_from"], "build.cache_from"),
                    Network = r.Str(m["network"], "build.network"),
                    Platforms = r.StrList(m["platforms"], "build.platforms"),
                };
            default: r.Error("build", "must be a string or a mapping", node); return null;
        }
    }

    /// <summary><c>build.ssh</c> as a list (<c>- default</c>, <c>- id=path</c>) or a mapping (<c>id: path</c>).</summary>
    private static ImmutableArray<string> BuildSsh(Reader r, YNode? node) => node is YMapping
        ? [.. r.NullableStrMap(node, "build.ssh").Select(e => e.Value is { Length: > 0 } path ? $"{e.Key}={path}" : e.Key)]
        : r.StrList(node, "build.ssh");

    private static ImmutableArray<string>? Command(Reader r, YNode? node, string field)
    {
        switch (node)
        {
            case null or YScalar { IsNull: true }: return null;
            case YScalar s:
                var words = ShellWords.Split(s.Value);
                if (words is null) r.Error(field, $"unterminated quote in \"{s.Value}\"", s);
                return words ?? [];
            case YSequence: return r.StrList(node, field, allowSingle: false);
            default: r.Error(field, "must be a string or a list", node); return null;
        }
    }

    private static ImmutableArray<EnvFile> EnvFiles(Reader r, YNode? node)
    {
        var items = node switch
        {
            null or YScalar { IsNull: true } => [],
            YScalar s => [s],
            YSequence seq => seq.Items,
            _ => [node],
        };
        var result = ImmutableArray.CreateBuilder<EnvFile>();
        for (var i = 0; i < items.Length; i++)
        {
            switch (items[i])
            {
                case YScalar s: result.Add(new EnvFile(s.Value)); break;
                case YMapping m when r.Str(m["path"], $"env_file[{i}].path") is { } path:
                    result.Add(new EnvFile(path, r.Bool(m["required"], $"env_file[{i}].required") ?? true, r.Str(m["format"], $"env_file[{i}].format") ?? ""));
                    break;
                default: r.Error($"env_file[{i}]", "must be a path or a mapping with a path", items[i]); break;
            }
        }
        return result.ToImmutable();
    }

    private static ImmutableSortedDictionary<string, string?> Environment(Reader r, YNode? node, YNode? envFileNode, ImmutableArray<EnvFile> envFiles, DecodeContext ctx)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in envFiles)
        {
            if (!File.Exists(file.Path))
            {
                if (file.Required) r.Error("env_file", $"env file {ctx.Display(file.Path)} not found", envFileNode);
                continue;
            }
            if (!ctx.EnvFileCache.TryGetValue(file.Format + ":" + file.Path, out var parsed))
            {
                var (content, problem) = Bounds.InputFiles.ReadText(file.Path);
                if (content is null) { r.Error("env_file", $"cannot read {ctx.Display(file.Path)}: {problem}", envFileNode, DiagnosticCodes.FileNotFound); continue; }
                parsed = file.Format == "raw" ? DotEnv.ParseRaw(content) : DotEnv.Parse(content, ctx.Display(file.Path), ctx.Lookup);
                ctx.EnvFileCache[file.Format + ":" + file.Path] = parsed;
                if (parsed.Error is not null) r.Diagnostics.Add(parsed.Error);
            }
            foreach (var (key, value) in parsed.Values) result[key] = value;
        }
        foreach (var (key, value) in r.NullableStrMap(node, "environment"))
        {
            result[key] = value ?? ctx.Lookup(key);
        }
        return Maps.From(result);
    }

    private static ImmutableArray<ServiceVolume> CheckVolumes(Reader r, ImmutableArray<ServiceVolume> volumes, YNode? node, DecodeContext ctx)
    {
        for (var i = 0; i < volumes.Length; i++)
        {
            var v = volumes[i];
            if (v.Type == "volume" && v.Source is { } source && !ctx.Volumes.Contains(source))
                r.Error($"volumes[{i}]", $"undefined volume \"{source}\"", node is YSequence s && i < s.Items.Length ? s.Items[i] : node);
        }
        return volumes;
    }

    private static ImmutableSortedDictionary<string, ServiceDependency> DependsOn(Reader r, YNode? node)
    {
        if (node is null or YScalar { IsNull: true }) return Maps.Empty<ServiceDependency>();
        if (node is YSequence)
            return Maps.From(r.StrList(node, "depends_on", allowSingle: false).Distinct().Select(n => new KeyValuePair<string, ServiceDependency>(n, new ServiceDependency())));
        var map = r.Map(node, "depends_on");
        if (map is null) return Maps.Empty<ServiceDependency>();
        var result = new Dictionary<string, ServiceDependency>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var field = $"depends_on.{entry.Name}";
            var dep = r.Map(entry.Value, field);
            var condition = r.Str(dep?["condition"], field + ".condition") ?? "service_started";
            if (condition is not ("service_started" or "service_healthy" or "service_completed_successfully"))
                r.Error(field, $"invalid condition \"{condition}\"", dep?["condition"]);
            result[entry.Name] = new ServiceDependency(
                condition,
                r.Bool(dep?["restart"], field + ".restart") ?? false,
                r.Bool(dep?["required"], field + ".required") ?? true);
        }
        return Maps.From(result);
    }

    private static ImmutableSortedDictionary<string, ServiceNetwork> Networks(Reader r, YNode? node, string? networkMode, DecodeContext ctx)
    {
        var result = new Dictionary<string, ServiceNetwork>(StringComparer.Ordinal);
        switch (node)
        {
            case null or YScalar { IsNull: true }: break;
            case YSequence seq:
                foreach (var item in seq.Items)
                {
                    if (r.Str(item, "networks") is { } n && Check(n, item)) result[n] = new ServiceNetwork();
                }
                break;
            case YMapping map:
                foreach (var entry in map.Entries)
                {
                    if (!Check(entry.Name, entry.Key)) continue;
                    var field = $"networks.{entry.Name}";
                    var m = r.Map(entry.Value, field);
                    result[entry.Name] = new ServiceNetwork
                    {
                        Aliases = r.StrList(m?["aliases"], field + ".aliases", allowSingle: false),
                        Ipv4Address = r.Str(m?["ipv4_address"], field + ".ipv4_address"),
                        Ipv6Address = r.Str(m?["ipv6_address"], field + ".ipv6_address"),
                        Priority = r.Int(m?["priority"], field + ".priority"),
                    };
                }
                break;
            default: r.Error("networks", "must be a list or a mapping", node); break;
        }
        if (result.Count > 0 && networkMode is not null)
            r.Error("networks", "network_mode and networks cannot be combined", node);
        if (result.Count == 0 && networkMode is null) result["default"] = new ServiceNetwork();
        return Maps.From(result);

        bool Check(string network, YNode at)
        {
            if (network == "default" || ctx.Networks.Contains(network)) return true;
            r.Error("networks", $"undefined network \"{network}\"", at);
            return false;
        }
    }
}
