using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;
using EcsHealthCheck = ComposeEcs.CloudFormation.Resources.Ecs.HealthCheck;
using EcsKeyValuePair = ComposeEcs.CloudFormation.Resources.Ecs.KeyValuePair;
using EcsUlimit = ComposeEcs.CloudFormation.Resources.Ecs.Ulimit;

using Service = ComposeEcs.Compose.Model.Service;

namespace ComposeEcs.Ecs;

/// <summary>The container definition of a compose service, and the warnings for what Fargate cannot run as written.</summary>
internal static class Containers
{
    /// <summary>The only capability Fargate lets a task add.</summary>
    public const string FargateAddableCapability = "SYS_PTRACE";
    public const int MaxStopTimeout = 120;

    public static ContainerDefinition For(Service service, ServiceAws aws) => new()
    {
        Name = Name(service.Name),
        Image = service.Image ?? "",
        Essential = true,
        Command = NonEmpty(service.Command),
        EntryPoint = NonEmpty(service.Entrypoint),
        Environment = Environment(service),
        WorkingDirectory = service.WorkingDir,
        User = service.User,
        HealthCheck = HealthCheck(service.Healthcheck),
        Ulimits = service.Ulimits.IsEmpty ? null : [.. service.Ulimits.Select(u => new EcsUlimit(u.Key, u.Value.Soft, u.Value.Hard))],
        LinuxParameters = LinuxParameters(service),
        SystemControls = service.Sysctls.IsEmpty ? null : [.. service.Sysctls.Select(s => new SystemControl(s.Key, s.Value))],
        ReadonlyRootFilesystem = service.ReadOnly ? true : null,
        PseudoTerminal = service.Tty ? true : null,
        Interactive = service.StdinOpen ? true : null,
        StopTimeout = service.StopGracePeriod is { } grace ? (int)Math.Clamp(Math.Ceiling(grace.TotalSeconds), 0, MaxStopTimeout) : null,
        DockerLabels = service.Labels.IsEmpty ? null : service.Labels.ToImmutableSortedDictionary(l => l.Key, l => (Expr)l.Value, StringComparer.Ordinal),
        PortMappings = PortMappings(service),
        // cpu_shares as CPU units: on Linux ECS passes the container's cpu to Docker as its CPU shares, and on Fargate
        // the containers' units must fit in the task's CPU (so larger values are bounded).
        Cpu = aws.CpuShares is { } shares ? Math.Min(shares, FargateSizes.For(service).Cpu) : null,
    };

    /// <summary>ECS container names allow letters, digits, <c>_</c> and <c>-</c>; compose names may also have dots.</summary>
    public static string Name(string service) =>
        AwsNames.Shorten(string.Concat(service.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '-')), AwsNames.Family);

    private static IReadOnlyList<Expr>? NonEmpty(ImmutableArray<string>? items) =>
        items is { IsEmpty: false } list ? [.. list.Select(i => (Expr)i)] : null;

    private static IReadOnlyList<EcsKeyValuePair>? Environment(Service service)
    {
        var variables = service.Environment.Where(e => e.Value is not null).Select(e => new EcsKeyValuePair(e.Key, e.Value!)).ToImmutableArray();
        return variables.IsEmpty ? null : variables;
    }

    private static IReadOnlyList<PortMapping>? PortMappings(Service service)
    {
        var ports = Ports.Of(service);
        return ports.IsEmpty ? null : [.. ports.Select(p => new PortMapping
        {
            ContainerPort = p.Port,
            Protocol = p.Protocol,
            Name = Ports.Name(service.Name, p),
            // AppProtocol: set by LoadBalancing.Plan from the published port's meaning.
        })];
    }

    public static EcsHealthCheck? HealthCheck(Healthcheck? check)
    {
        if (check is null || check.Disable || check.Test.IsEmpty || check.Test[0] == "NONE" || check.Test.Length < 2) return null;
        return new EcsHealthCheck
        {
            Command = [.. check.Test.Select(t => (Expr)t)],
            Interval = Seconds(check.Interval, 5, 300),
            Timeout = Seconds(check.Timeout, 2, 60),
            Retries = check.Retries is { } r ? Math.Clamp(r, 1, 10) : null,
            StartPeriod = Seconds(check.StartPeriod, 0, 300),
        };
    }

    private static int? Seconds(TimeSpan? value, int min, int max) =>
        value is { } v ? (int)Math.Clamp(Math.Ceiling(v.TotalSeconds), min, max) : null;

    private static string Capability(string name) =>
        name.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase) ? name[4..].ToUpperInvariant() : name.ToUpperInvariant();

    private static LinuxParameters? LinuxParameters(Service service)
    {
        var add = service.CapAdd.Select(Capability).Where(c => c == FargateAddableCapability).Distinct().ToImmutableArray();
        var drop = service.CapDrop.Select(Capability).Distinct().ToImmutableArray();
        var capabilities = add.IsEmpty && drop.IsEmpty ? null : new KernelCapabilities
        {
            Add = add.IsEmpty ? null : add,
            Drop = drop.IsEmpty ? null : drop,
        };
        if (capabilities is null && service.Init != true) return null;
        return new LinuxParameters { Capabilities = capabilities, InitProcessEnabled = service.Init == true ? true : null };
    }

    public static RuntimePlatform Platform(Service service) => new()
    {
        OperatingSystemFamily = "LINUX",
        CpuArchitecture = IsArm(service.Platform) ? "ARM64" : "X86_64",
    };

    private static bool IsArm(string? platform) => platform?.ToLowerInvariant() is { } p && (p.StartsWith("linux/arm64", StringComparison.Ordinal) || p == "arm64");

    /// <summary>Warnings for settings the container definition drops or bounds.</summary>
    public static IEnumerable<Diagnostic> Check(ComposeProject project, AwsSettings aws)
    {
        foreach (var service in project.Services.Values)
        {
            string Where(string field) => $"service \"{service.Name}\": {field}";
            Diagnostic Warn(string field, string message, string? at = null) => Diagnostic.Warning(DiagnosticCodes.ContainerSetting, $"{Where(field)}: {message}", service.LocationOf(at ?? field));

            foreach (var name in service.Environment.Where(e => e.Value is null).Select(e => e.Key))
                yield return Warn($"environment: {name}", "has no value here or in the environment, left out", EnvironmentPath(service, name));
            foreach (var cap in service.CapAdd.Select(Capability).Where(c => c != FargateAddableCapability))
                yield return Warn("cap_add", $"{cap} ignored, Fargate only allows adding {FargateAddableCapability}");
            if (service.StopGracePeriod is { } grace && grace.TotalSeconds > MaxStopTimeout)
                yield return Warn("stop_grace_period", $"ECS waits at most {MaxStopTimeout}s, using {MaxStopTimeout}s");
            if (aws.Of(service).CpuShares is { } shares && shares > FargateSizes.For(service).Cpu)
                yield return Warn("cpu_shares", $"{shares} is more than the task's {FargateSizes.For(service).Cpu} CPU units, using {FargateSizes.For(service).Cpu}");
            // An empty platform (getsentry/self-hosted's platform: ${DOCKER_PLATFORM:-}) is no platform, as with Docker.
            if (service.Platform is { Length: > 0 } platform && !IsArm(platform) && !platform.StartsWith("linux/amd64", StringComparison.OrdinalIgnoreCase) && platform != "linux")
                yield return Warn("platform", $"{platform} is not a Fargate Linux platform, using linux/amd64");
            if (service.Healthcheck is { } check && HealthCheck(check) is { } hc && OutOfRange(check, hc))
                yield return Warn("healthcheck", "ECS accepts interval 5-300s, timeout 2-60s, retries 1-10, start_period 0-300s; values were bounded");
            if (service.Healthcheck is { StartInterval: not null } started && HealthCheck(started) is not null)
                yield return Diagnostic.Warning(DiagnosticCodes.Ignored, $"{Where("healthcheck.start_interval")}: ignored, ECS has no start interval: during start_period it checks at the healthcheck interval",
                    service.LocationOf("healthcheck.start_interval"));
            if (service.Entrypoint is { IsEmpty: true } || service.Command is { IsEmpty: true })
                yield return Warn(service.Entrypoint is { IsEmpty: true } ? "entrypoint" : "command", "an empty list cannot be expressed in ECS, the image default is used");
        }
    }

    /// <summary>Where <c>environment</c> sets a variable: its key in the map syntax, else the field.</summary>
    private static string EnvironmentPath(Service service, string name) =>
        service.Fields.Has($"environment.{name}") ? $"environment.{name}" : "environment";

    private static bool OutOfRange(Healthcheck check, EcsHealthCheck bounded) =>
        check.Interval is { } i && (int)Math.Ceiling(i.TotalSeconds) != bounded.Interval
        || check.Timeout is { } t && (int)Math.Ceiling(t.TotalSeconds) != bounded.Timeout
        || check.Retries is { } r && r != bounded.Retries
        || check.StartPeriod is { } s && (int)Math.Ceiling(s.TotalSeconds) != bounded.StartPeriod;
}
