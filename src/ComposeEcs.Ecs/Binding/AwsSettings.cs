using System.Collections.Immutable;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>A value an <c>x-aws-*</c> field gave, and where it is written (for the checks that relate it to other fields).</summary>
internal sealed record Bound<T>(T Value, SourceLocation? At);

/// <summary>
/// Every <c>x-aws-*</c> extension of a project, parsed once by <see cref="AwsBinder"/> with the position of each value.
/// Checks, plan and emit steps read these settings, never <see cref="Extensions"/>. A value the binder refused is
/// absent here (its error stops the transform before any plan step runs).
/// </summary>
internal sealed record AwsSettings
{
    public static readonly AwsSettings None = new();

    /// <summary><c>x-aws-vpc</c>: the existing VPC; null for the template's VPC parameter.</summary>
    public Bound<string>? Vpc { get; init; }
    /// <summary><c>x-aws-subnets</c>: subnets of that VPC.</summary>
    public Bound<ImmutableArray<string>>? Subnets { get; init; }
    /// <summary><c>x-aws-cluster</c>: name or ARN of an existing ECS cluster.</summary>
    public Bound<string>? Cluster { get; init; }
    /// <summary><c>x-aws-loadbalancer</c>: the ARN of an existing load balancer, with its type.</summary>
    public Bound<ExistingLoadBalancer>? LoadBalancer { get; init; }
    /// <summary><c>x-aws-loadbalancer-scheme</c>: <c>internal</c> keeps the created load balancer inside the VPC.</summary>
    public bool InternalLoadBalancer { get; init; }
    /// <summary><c>x-aws-logs_retention</c>, in days.</summary>
    public Bound<int>? LogRetentionDays { get; init; }
    /// <summary><c>x-aws-secrets_init_image</c>.</summary>
    public Bound<string>? SecretsInitImage { get; init; }
    /// <summary><c>x-aws-dns_init_image</c>.</summary>
    public Bound<string>? DnsInitImage { get; init; }
    /// <summary><c>x-aws-cloudformation</c>.</summary>
    public OverlaySettings? Overlay { get; init; }

    /// <summary>By service name; every service of the project has an entry.</summary>
    public ImmutableSortedDictionary<string, ServiceAws> Services { get; init; } = Maps.Empty<ServiceAws>();
    /// <summary><c>x-aws-securitygroup</c> by compose network key.</summary>
    public ImmutableSortedDictionary<string, Bound<string>> SecurityGroups { get; init; } = Maps.Empty<Bound<string>>();
    /// <summary>By secret key; every secret a service uses has an entry.</summary>
    public ImmutableSortedDictionary<string, SecretAws> Secrets { get; init; } = Maps.Empty<SecretAws>();

    public ServiceAws Of(Service service) => Services[service.Name];
    public SecretAws Of(Compose.Model.Secret secret) => Secrets.GetValueOrDefault(secret.Key) ?? SecretAws.None;
}

/// <summary>An <c>x-aws-loadbalancer</c>: its ARN and whether it is an <c>application</c> or a <c>network</c> load balancer.</summary>
internal sealed record ExistingLoadBalancer(string Arn, string Type);

/// <summary><c>x-aws-cloudformation</c>: a template fragment merged over the generated one, and where its resources are written.</summary>
internal sealed record OverlaySettings(ImmutableSortedDictionary<string, object?> Template, SourceLocation? At)
{
    public ImmutableSortedDictionary<string, SourceLocation?> ResourceLocations { get; init; } = Maps.Empty<SourceLocation?>();
}

/// <summary>
/// The <c>x-aws-*</c> settings of one service (on the service, under <c>deploy</c> and on its ports), and the compose
/// fields the loader keeps as plain data that the transform maps (<see cref="PlainFieldBinding"/>).
/// </summary>
internal sealed record ServiceAws
{
    /// <summary>One entry per compose port, in the order of <see cref="Service.Ports"/>.</summary>
    public ImmutableArray<BoundPort> Ports { get; init; } = [];
    /// <summary><c>x-aws-pull_credentials</c>: the ARN of the secret holding the registry credentials.</summary>
    public Bound<string>? PullCredentials { get; init; }
    /// <summary><c>x-aws-kms-key</c>: the key that encrypts the pull credentials.</summary>
    public Bound<string>? KmsKey { get; init; }
    /// <summary><c>x-aws-policies</c>: managed policy ARNs for the task role.</summary>
    public ImmutableArray<string> ManagedPolicies { get; init; } = [];
    /// <summary><c>x-aws-role</c>: an inline policy document for the task role.</summary>
    public ImmutableSortedDictionary<string, object?>? RolePolicy { get; init; }
    /// <summary><c>x-aws-min_percent</c> (on the service or under <c>deploy</c>).</summary>
    public int? MinPercent { get; init; }
    /// <summary><c>x-aws-max_percent</c> (on the service or under <c>deploy</c>).</summary>
    public int? MaxPercent { get; init; }
    /// <summary><c>deploy.x-aws-autoscaling</c>.</summary>
    public AutoscalingSettings? Autoscaling { get; init; }
    /// <summary><c>x-aws-healthcheck</c> and <c>x-aws-deregistration_delay</c>, defaults filled in.</summary>
    public TargetHealthSettings TargetHealth { get; init; } = Ecs.TargetHealth.Defaults;
    /// <summary><c>cpu_shares</c>, a positive number.</summary>
    public int? CpuShares { get; init; }
    /// <summary><c>gpus</c>: the GPUs its devices name; a null value for <c>all</c> (or a device without a count).</summary>
    public Bound<int?>? Gpus { get; init; }
}

/// <summary>A compose port with its <c>x-aws-*</c> settings.</summary>
internal sealed record BoundPort(ServicePort Port)
{
    /// <summary><c>x-aws-protocol</c>, lower-case: http, https, tcp, udp or tls.</summary>
    public Bound<string>? Protocol { get; init; }
    /// <summary><c>x-aws-certificate</c>: the ACM certificate of an https or tls listener.</summary>
    public string? Certificate { get; init; }
    /// <summary><c>x-aws-redirect</c>: the port answered with a redirect to this HTTPS port.</summary>
    public Bound<int>? RedirectFrom { get; init; }

    public string? AwsProtocol => Protocol?.Value;
}

/// <summary>The <c>x-aws-*</c> settings of a secret.</summary>
internal sealed record SecretAws
{
    public static readonly SecretAws None = new();

    /// <summary><c>x-aws-keys</c>: the JSON keys written as files (<c>["*"]</c> for all); null to write the whole value.</summary>
    public ImmutableArray<string>? Keys { get; init; }
    /// <summary><c>x-aws-kms-key</c>: the customer managed key of an external secret.</summary>
    public string? KmsKey { get; init; }
}
