using System.Collections.Immutable;

namespace ComposeEcs.Compose.Model;

/// <summary>
/// One compose service after loading. Absent optional fields are <c>null</c> (or empty collections); the transform
/// tells "not set" from "set to empty" only where compose does (command, entrypoint).
/// </summary>
public sealed record Service
{
    public required string Name { get; init; }
    /// <summary>Where the service is declared (its key), for diagnostics raised after loading.</summary>
    public SourceLocation? Location { get; init; }

    public string? Image { get; init; }
    public BuildConfig? Build { get; init; }
    public string? Platform { get; init; }
    public ImmutableArray<string> Profiles { get; init; } = [];

    /// <summary>null: not set (image default). Strings are shell-split into the list form.</summary>
    public ImmutableArray<string>? Command { get; init; }
    public ImmutableArray<string>? Entrypoint { get; init; }
    /// <summary>env_file contents then environment, merged; a value is null for <c>KEY</c> with no value anywhere.</summary>
    public ImmutableSortedDictionary<string, string?> Environment { get; init; } = Maps.Empty<string?>();
    public ImmutableArray<EnvFile> EnvFiles { get; init; } = [];
    public string? WorkingDir { get; init; }
    public string? User { get; init; }
    public string? Hostname { get; init; }
    public string? Domainname { get; init; }

    public ImmutableArray<ServicePort> Ports { get; init; } = [];
    /// <summary>Normalised to one entry per port: <c>"3000"</c> or <c>"3000/udp"</c>; ranges expanded.</summary>
    public ImmutableArray<string> Expose { get; init; } = [];
    public ImmutableArray<ServiceVolume> Volumes { get; init; } = [];
    public ImmutableArray<FileReference> Secrets { get; init; } = [];
    public ImmutableArray<FileReference> Configs { get; init; } = [];
    public ImmutableSortedDictionary<string, ServiceDependency> DependsOn { get; init; } = Maps.Empty<ServiceDependency>();
    /// <summary>Networks the service joins; <c>default</c> when the file names none (and network_mode is unset).</summary>
    public ImmutableSortedDictionary<string, ServiceNetwork> Networks { get; init; } = Maps.Empty<ServiceNetwork>();
    public string? NetworkMode { get; init; }

    public Healthcheck? Healthcheck { get; init; }
    public DeployConfig? Deploy { get; init; }
    public Logging? Logging { get; init; }

    public ImmutableSortedDictionary<string, Ulimit> Ulimits { get; init; } = Maps.Empty<Ulimit>();
    public ImmutableArray<string> CapAdd { get; init; } = [];
    public ImmutableArray<string> CapDrop { get; init; } = [];
    public bool? Init { get; init; }
    public ImmutableArray<string> Tmpfs { get; init; } = [];
    public ImmutableSortedDictionary<string, string> Sysctls { get; init; } = Maps.Empty<string>();
    public bool ReadOnly { get; init; }
    public bool Privileged { get; init; }
    public bool Tty { get; init; }
    public bool StdinOpen { get; init; }
    public TimeSpan? StopGracePeriod { get; init; }
    public string? StopSignal { get; init; }
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = Maps.Empty<string>();
    /// <summary><c>host:ip</c> entries, as <c>docker compose config</c> prints them (map syntax converted).</summary>
    public ImmutableArray<string> ExtraHosts { get; init; } = [];
    public ImmutableArray<string> Dns { get; init; } = [];
    public ImmutableArray<string> DnsSearch { get; init; } = [];
    public string? Restart { get; init; }
    public string? PullPolicy { get; init; }
    public int? Scale { get; init; }
    /// <summary>Service-level <c>cpus</c>, <c>mem_limit</c>, <c>mem_reservation</c> (bytes).</summary>
    public double? Cpus { get; init; }
    public long? MemLimit { get; init; }
    public long? MemReservation { get; init; }
    public long? ShmSize { get; init; }

    /// <summary>Fields ECS cannot express, kept so the transform can warn and <c>config</c> can print them.</summary>
    public string? ContainerName { get; init; }
    public ImmutableArray<string> Devices { get; init; } = [];
    public ImmutableArray<string> Links { get; init; } = [];
    public ImmutableArray<string> ExternalLinks { get; init; } = [];
    public string? Ipc { get; init; }
    public string? Pid { get; init; }
    public ImmutableArray<string> SecurityOpt { get; init; } = [];
    public string? CgroupParent { get; init; }

    /// <summary>Service-level <c>x-*</c> fields (<c>x-aws-policies</c>, <c>x-aws-role</c>, <c>x-aws-pull_credentials</c>, ...).</summary>
    public Extensions Extensions { get; init; } = Extensions.None;

    /// <summary>
    /// Specification fields the model has no property for (<c>gpus</c>, <c>cpu_shares</c>, <c>develop</c>, <c>post_start</c>, ...),
    /// kept as plain data with their positions so the transform can map, warn about or refuse each and <c>config</c> prints them.
    /// </summary>
    public Extensions Other { get; init; } = Extensions.None;

    /// <summary>Where each field of the service is written (see <see cref="FieldLocations"/>).</summary>
    public FieldLocations Fields { get; init; } = FieldLocations.None;

    /// <summary>The position of a field (<c>restart</c>, <c>healthcheck.start_period</c>), else of the service's key.</summary>
    public SourceLocation? LocationOf(string path) => Fields.Of(path) ?? Location;
}

public sealed record BuildConfig(string Context, string? Dockerfile = null)
{
    public ImmutableSortedDictionary<string, string?> Args { get; init; } = Maps.Empty<string?>();
    public string? Target { get; init; }
    /// <summary>Build secrets (<c>build.secrets</c>), references to top-level secrets.</summary>
    public ImmutableArray<FileReference> Secrets { get; init; } = [];
    /// <summary><c>build.ssh</c>: <c>default</c> or <c>id=path</c> entries, as <c>docker build --ssh</c> takes them.</summary>
    public ImmutableArray<string> Ssh { get; init; } = [];
    /// <summary><c>build.cache_from</c>: images or <c>type=...</c> cache sources, as <c>docker build --cache-from</c> takes them.</summary>
    public ImmutableArray<string> CacheFrom { get; init; } = [];
    /// <summary><c>build.network</c>: the network build steps run on (<c>host</c>, <c>none</c>, or a network name).</summary>
    public string? Network { get; init; }
    /// <summary><c>build.platforms</c>: the platforms compose would build for; ECS runs one, the task's.</summary>
    public ImmutableArray<string> Platforms { get; init; } = [];
}

public sealed record EnvFile(string Path, bool Required = true, string Format = "");

/// <summary>One port; short syntax and ranges are expanded into one entry per target port.</summary>
public sealed record ServicePort(int Target)
{
    /// <summary>Host port or host range (<c>"8080"</c>, <c>"8000-8005"</c>); null when unpublished host port is random.</summary>
    public string? Published { get; init; }
    public string? HostIp { get; init; }
    public string Protocol { get; init; } = "tcp";
    public string Mode { get; init; } = "ingress";
    public string? Name { get; init; }
    public string? AppProtocol { get; init; }
    /// <summary>Port-level <c>x-*</c> fields (<c>x-aws-protocol</c>, <c>x-aws-certificate</c>, ...).</summary>
    public Extensions Extensions { get; init; } = Extensions.None;
    /// <summary>Where this entry of <c>ports</c> is written (possibly in an override file), for diagnostics.</summary>
    public SourceLocation? Location { get; init; }
}

public sealed record ServiceVolume(string Type, string Target)
{
    /// <summary>Volume name for <c>volume</c>, absolute host path for <c>bind</c>, null for anonymous and tmpfs.</summary>
    public string? Source { get; init; }
    /// <summary>A bind mount's source as the user wrote it (after interpolation), for messages: <c>./nginx.conf</c>.</summary>
    public string? WrittenSource { get; init; }
    public bool ReadOnly { get; init; }
    /// <summary><c>:rw</c> or <c>read_only: false</c> was written (not just the default).</summary>
    public bool ReadWriteRequested { get; init; }
    public string? Consistency { get; init; }
    public bool? BindCreateHostPath { get; init; }
    public string? BindPropagation { get; init; }
    public bool? VolumeNoCopy { get; init; }
    public string? VolumeSubpath { get; init; }
    public long? TmpfsSize { get; init; }
    public int? TmpfsMode { get; init; }
    public Extensions Extensions { get; init; } = Extensions.None;
    /// <summary>Where this entry of <c>volumes</c> is written (possibly in an override file), for diagnostics.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>A service's use of a secret or config (long syntax).</summary>
public sealed record FileReference(string Source)
{
    public string? Target { get; init; }
    public string? Uid { get; init; }
    public string? Gid { get; init; }
    public int? Mode { get; init; }
}

public sealed record ServiceDependency(string Condition = "service_started", bool Restart = false, bool Required = true);

public sealed record ServiceNetwork
{
    public ImmutableArray<string> Aliases { get; init; } = [];
    public string? Ipv4Address { get; init; }
    public string? Ipv6Address { get; init; }
    public int? Priority { get; init; }
}

public sealed record Ulimit(long Soft, long Hard);

public sealed record Logging(string? Driver)
{
    public ImmutableSortedDictionary<string, string> Options { get; init; } = Maps.Empty<string>();
}

public sealed record Healthcheck
{
    /// <summary>As compose normalises it: <c>["CMD", ...]</c>, <c>["CMD-SHELL", "..."]</c> or <c>["NONE"]</c>.</summary>
    public ImmutableArray<string> Test { get; init; } = [];
    public TimeSpan? Interval { get; init; }
    public TimeSpan? Timeout { get; init; }
    public int? Retries { get; init; }
    public TimeSpan? StartPeriod { get; init; }
    public TimeSpan? StartInterval { get; init; }
    public bool Disable { get; init; }
}
