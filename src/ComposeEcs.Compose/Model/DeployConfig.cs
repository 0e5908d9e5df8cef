using System.Collections.Immutable;

namespace ComposeEcs.Compose.Model;

public sealed record DeployConfig
{
    public string? Mode { get; init; }
    public int? Replicas { get; init; }
    public Resources? Resources { get; init; }
    public RestartPolicy? RestartPolicy { get; init; }
    public UpdateConfig? UpdateConfig { get; init; }
    public UpdateConfig? RollbackConfig { get; init; }
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = Maps.Empty<string>();
    public ImmutableArray<string> PlacementConstraints { get; init; } = [];
    public string? EndpointMode { get; init; }
    /// <summary>Deploy-level <c>x-*</c> fields (<c>x-aws-autoscaling</c>, ...).</summary>
    public Extensions Extensions { get; init; } = Extensions.None;
}

public sealed record Resources
{
    public ResourceAmounts? Limits { get; init; }
    public ResourceAmounts? Reservations { get; init; }
}

public sealed record ResourceAmounts
{
    public double? Cpus { get; init; }
    /// <summary>Bytes.</summary>
    public long? Memory { get; init; }
    public int? Pids { get; init; }
    public ImmutableArray<DeviceRequest> Devices { get; init; } = [];
    public ImmutableArray<GenericResource> GenericResources { get; init; } = [];
}

public sealed record DeviceRequest
{
    public ImmutableArray<string> Capabilities { get; init; } = [];
    public string? Driver { get; init; }
    /// <summary>null when unset; -1 for <c>all</c>.</summary>
    public int? Count { get; init; }
    public ImmutableArray<string> DeviceIds { get; init; } = [];
    public ImmutableSortedDictionary<string, string> Options { get; init; } = Maps.Empty<string>();
}

public sealed record GenericResource(string Kind, long Value);

public sealed record RestartPolicy
{
    public string? Condition { get; init; }
    public TimeSpan? Delay { get; init; }
    public int? MaxAttempts { get; init; }
    public TimeSpan? Window { get; init; }
}

public sealed record UpdateConfig
{
    public int? Parallelism { get; init; }
    public TimeSpan? Delay { get; init; }
    public string? FailureAction { get; init; }
    public TimeSpan? Monitor { get; init; }
    public double? MaxFailureRatio { get; init; }
    public string? Order { get; init; }
    public Extensions Extensions { get; init; } = Extensions.None;
}
