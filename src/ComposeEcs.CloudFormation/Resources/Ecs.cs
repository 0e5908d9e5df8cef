namespace ComposeEcs.CloudFormation.Resources.Ecs;

// Property names are the CloudFormation names (AWS::ECS::* in the CloudFormation template reference).

public sealed record Cluster : ResourceProperties
{
    public override string ResourceType => "AWS::ECS::Cluster";
    public Expr? ClusterName { get; init; }
    public IReadOnlyList<ClusterSettings>? ClusterSettings { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record ClusterSettings(string Name, Expr Value) : PropertyObject;

public sealed record TaskDefinition : ResourceProperties
{
    public override string ResourceType => "AWS::ECS::TaskDefinition";
    public required IReadOnlyList<ContainerDefinition> ContainerDefinitions { get; init; }
    /// <summary>CPU units as a string (<c>"256"</c>).</summary>
    public Expr? Cpu { get; init; }
    /// <summary>MiB as a string (<c>"512"</c>).</summary>
    public Expr? Memory { get; init; }
    public Expr? ExecutionRoleArn { get; init; }
    public Expr? TaskRoleArn { get; init; }
    public Expr? Family { get; init; }
    public string? NetworkMode { get; init; }
    public IReadOnlyList<string>? RequiresCompatibilities { get; init; }
    public RuntimePlatform? RuntimePlatform { get; init; }
    public IReadOnlyList<Volume>? Volumes { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record RuntimePlatform : PropertyObject
{
    public string? CpuArchitecture { get; init; }
    public string? OperatingSystemFamily { get; init; }
}

/// <summary>A task volume. EFS and host details are filled by the volumes concern.</summary>
public sealed record Volume : PropertyObject
{
    public required string Name { get; init; }
    public EFSVolumeConfiguration? EFSVolumeConfiguration { get; init; }
    public HostVolumeProperties? Host { get; init; }
}

public sealed record HostVolumeProperties : PropertyObject
{
    public string? SourcePath { get; init; }
}

public sealed record EFSVolumeConfiguration : PropertyObject
{
    public required Expr FilesystemId { get; init; }
    public AuthorizationConfig? AuthorizationConfig { get; init; }
    public string? RootDirectory { get; init; }
    public string? TransitEncryption { get; init; }
    public int? TransitEncryptionPort { get; init; }
}

public sealed record AuthorizationConfig : PropertyObject
{
    public Expr? AccessPointId { get; init; }
    /// <summary><c>ENABLED</c> or <c>DISABLED</c>.</summary>
    public string? IAM { get; init; }
}

public sealed record ContainerDefinition : PropertyObject
{
    public required string Name { get; init; }
    public required Expr Image { get; init; }
    public IReadOnlyList<Expr>? Command { get; init; }
    public IReadOnlyList<Expr>? EntryPoint { get; init; }
    public IReadOnlyList<KeyValuePair>? Environment { get; init; }
    public IReadOnlyList<Secret>? Secrets { get; init; }
    public string? WorkingDirectory { get; init; }
    public string? User { get; init; }
    public HealthCheck? HealthCheck { get; init; }
    public IReadOnlyList<Ulimit>? Ulimits { get; init; }
    public LinuxParameters? LinuxParameters { get; init; }
    public IReadOnlyList<SystemControl>? SystemControls { get; init; }
    public bool? ReadonlyRootFilesystem { get; init; }
    public bool? Privileged { get; init; }
    public bool? PseudoTerminal { get; init; }
    public bool? Interactive { get; init; }
    public int? StopTimeout { get; init; }
    public IReadOnlyDictionary<string, Expr>? DockerLabels { get; init; }
    public IReadOnlyList<HostEntry>? ExtraHosts { get; init; }
    public string? Hostname { get; init; }
    public IReadOnlyList<string>? DnsServers { get; init; }
    public IReadOnlyList<string>? DnsSearchDomains { get; init; }
    public IReadOnlyList<PortMapping>? PortMappings { get; init; }
    public bool? Essential { get; init; }
    public LogConfiguration? LogConfiguration { get; init; }
    public IReadOnlyList<MountPoint>? MountPoints { get; init; }
    public IReadOnlyList<ContainerDependency>? DependsOn { get; init; }
    public RepositoryCredentials? RepositoryCredentials { get; init; }
    public IReadOnlyList<ResourceRequirement>? ResourceRequirements { get; init; }
    public int? Cpu { get; init; }
    public int? Memory { get; init; }
    public int? MemoryReservation { get; init; }
}

public sealed record KeyValuePair(Expr Name, Expr Value) : PropertyObject;

/// <summary>A secret injected as an environment variable; <c>ValueFrom</c> is a Secrets Manager or SSM ARN.</summary>
public sealed record Secret(string Name, Expr ValueFrom) : PropertyObject;

public sealed record HealthCheck : PropertyObject
{
    public required IReadOnlyList<Expr> Command { get; init; }
    public int? Interval { get; init; }
    public int? Timeout { get; init; }
    public int? Retries { get; init; }
    public int? StartPeriod { get; init; }
}

public sealed record Ulimit(string Name, long SoftLimit, long HardLimit) : PropertyObject;

public sealed record LinuxParameters : PropertyObject
{
    public KernelCapabilities? Capabilities { get; init; }
    public bool? InitProcessEnabled { get; init; }
    public IReadOnlyList<Tmpfs>? Tmpfs { get; init; }
    public int? SharedMemorySize { get; init; }
}

public sealed record KernelCapabilities : PropertyObject
{
    public IReadOnlyList<string>? Add { get; init; }
    public IReadOnlyList<string>? Drop { get; init; }
}

public sealed record Tmpfs : PropertyObject
{
    public required string ContainerPath { get; init; }
    public required int Size { get; init; }
    public IReadOnlyList<string>? MountOptions { get; init; }
}

public sealed record SystemControl(string Namespace, string Value) : PropertyObject;

public sealed record HostEntry(string Hostname, string IpAddress) : PropertyObject;

public sealed record PortMapping : PropertyObject
{
    public required int ContainerPort { get; init; }
    public int? HostPort { get; init; }
    /// <summary><c>tcp</c> or <c>udp</c>.</summary>
    public string? Protocol { get; init; }
    /// <summary>Service Connect refers to the port by this name.</summary>
    public string? Name { get; init; }
    /// <summary><c>http</c>, <c>http2</c> or <c>grpc</c>.</summary>
    public string? AppProtocol { get; init; }
}

public sealed record LogConfiguration : PropertyObject
{
    public required string LogDriver { get; init; }
    public IReadOnlyDictionary<string, Expr>? Options { get; init; }
}

public sealed record MountPoint : PropertyObject
{
    public required string ContainerPath { get; init; }
    public required string SourceVolume { get; init; }
    public bool? ReadOnly { get; init; }
}

/// <summary><c>Condition</c>: START, COMPLETE, SUCCESS or HEALTHY.</summary>
public sealed record ContainerDependency(string ContainerName, string Condition) : PropertyObject;

public sealed record RepositoryCredentials(Expr CredentialsParameter) : PropertyObject;

/// <summary><c>Type</c>: GPU or InferenceAccelerator.</summary>
public sealed record ResourceRequirement(string Type, Expr Value) : PropertyObject;

public sealed record Service : ResourceProperties
{
    public override string ResourceType => "AWS::ECS::Service";
    public Expr? Cluster { get; init; }
    public Expr? ServiceName { get; init; }
    public Expr? TaskDefinition { get; init; }
    public string? LaunchType { get; init; }
    public string? PlatformVersion { get; init; }
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }
    public int? DesiredCount { get; init; }
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }
    public IReadOnlyList<LoadBalancer>? LoadBalancers { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    public IReadOnlyList<ServiceRegistry>? ServiceRegistries { get; init; }
    public ServiceConnectConfiguration? ServiceConnectConfiguration { get; init; }
    /// <summary><c>SERVICE</c> or <c>TASK_DEFINITION</c>.</summary>
    public string? PropagateTags { get; init; }
    public bool? EnableECSManagedTags { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record CapacityProviderStrategyItem : PropertyObject
{
    public required Expr CapacityProvider { get; init; }
    public int? Base { get; init; }
    public int? Weight { get; init; }
}

public sealed record DeploymentConfiguration : PropertyObject
{
    public DeploymentCircuitBreaker? DeploymentCircuitBreaker { get; init; }
    public int? MaximumPercent { get; init; }
    public int? MinimumHealthyPercent { get; init; }
}

public sealed record DeploymentCircuitBreaker(bool Enable, bool Rollback) : PropertyObject;

public sealed record NetworkConfiguration(AwsVpcConfiguration AwsvpcConfiguration) : PropertyObject;

public sealed record AwsVpcConfiguration : PropertyObject
{
    /// <summary><c>ENABLED</c> or <c>DISABLED</c>.</summary>
    public string? AssignPublicIp { get; init; }
    public IReadOnlyList<Expr>? SecurityGroups { get; init; }
    /// <summary>A list expression (a <c>List&lt;AWS::EC2::Subnet::Id&gt;</c> parameter reference or literal ids).</summary>
    public required Expr Subnets { get; init; }
}

public sealed record LoadBalancer : PropertyObject
{
    public string? ContainerName { get; init; }
    public int? ContainerPort { get; init; }
    public Expr? TargetGroupArn { get; init; }
}

public sealed record ServiceRegistry : PropertyObject
{
    public required Expr RegistryArn { get; init; }
    public string? ContainerName { get; init; }
    public int? ContainerPort { get; init; }
    public int? Port { get; init; }
}

public sealed record ServiceConnectConfiguration : PropertyObject
{
    public required bool Enabled { get; init; }
    /// <summary>The Cloud Map namespace name or ARN.</summary>
    public Expr? Namespace { get; init; }
    public IReadOnlyList<ServiceConnectService>? Services { get; init; }
    public LogConfiguration? LogConfiguration { get; init; }
}

public sealed record ServiceConnectService : PropertyObject
{
    public required string PortName { get; init; }
    public string? DiscoveryName { get; init; }
    public IReadOnlyList<ServiceConnectClientAlias>? ClientAliases { get; init; }
    public int? IngressPortOverride { get; init; }
}

public sealed record ServiceConnectClientAlias : PropertyObject
{
    public required int Port { get; init; }
    public string? DnsName { get; init; }
}
