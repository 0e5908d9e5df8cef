namespace ComposeEcs.CloudFormation.Resources.ElasticLoadBalancingV2;

public sealed record LoadBalancer : ResourceProperties
{
    public override string ResourceType => "AWS::ElasticLoadBalancingV2::LoadBalancer";
    /// <summary><c>application</c> or <c>network</c>.</summary>
    public string? Type { get; init; }
    /// <summary><c>internet-facing</c> or <c>internal</c>.</summary>
    public string? Scheme { get; init; }
    public Expr? Subnets { get; init; }
    public IReadOnlyList<Expr>? SecurityGroups { get; init; }
    public IReadOnlyList<LoadBalancerAttribute>? LoadBalancerAttributes { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record LoadBalancerAttribute(string Key, Expr Value) : PropertyObject;

public sealed record TargetGroup : ResourceProperties
{
    public override string ResourceType => "AWS::ElasticLoadBalancingV2::TargetGroup";
    public int? Port { get; init; }
    /// <summary>HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP.</summary>
    public string? Protocol { get; init; }
    /// <summary><c>ip</c> for awsvpc tasks.</summary>
    public string? TargetType { get; init; }
    public Expr? VpcId { get; init; }
    public bool? HealthCheckEnabled { get; init; }
    public string? HealthCheckPath { get; init; }
    public string? HealthCheckProtocol { get; init; }
    public int? HealthCheckIntervalSeconds { get; init; }
    public int? HealthCheckTimeoutSeconds { get; init; }
    public int? HealthyThresholdCount { get; init; }
    public int? UnhealthyThresholdCount { get; init; }
    public Matcher? Matcher { get; init; }
    public IReadOnlyList<TargetGroupAttribute>? TargetGroupAttributes { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record Matcher : PropertyObject
{
    public string? HttpCode { get; init; }
    public string? GrpcCode { get; init; }
}

public sealed record TargetGroupAttribute(string Key, Expr Value) : PropertyObject;

public sealed record Listener : ResourceProperties
{
    public override string ResourceType => "AWS::ElasticLoadBalancingV2::Listener";
    public required Expr LoadBalancerArn { get; init; }
    public required IReadOnlyList<Action> DefaultActions { get; init; }
    public int? Port { get; init; }
    /// <summary>HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP.</summary>
    public string? Protocol { get; init; }
    public IReadOnlyList<Certificate>? Certificates { get; init; }
    public string? SslPolicy { get; init; }
}

public sealed record Action : PropertyObject
{
    /// <summary><c>forward</c>, <c>redirect</c>, <c>fixed-response</c>, ...</summary>
    public required string Type { get; init; }
    public Expr? TargetGroupArn { get; init; }
    public ForwardConfig? ForwardConfig { get; init; }
    public RedirectConfig? RedirectConfig { get; init; }
    public int? Order { get; init; }
}

public sealed record ForwardConfig : PropertyObject
{
    public required IReadOnlyList<TargetGroupTuple> TargetGroups { get; init; }
}

public sealed record TargetGroupTuple : PropertyObject
{
    public required Expr TargetGroupArn { get; init; }
    public int? Weight { get; init; }
}

public sealed record RedirectConfig : PropertyObject
{
    public required string StatusCode { get; init; }
    public string? Protocol { get; init; }
    public string? Port { get; init; }
    public string? Host { get; init; }
    public string? Path { get; init; }
    public string? Query { get; init; }
}

public sealed record Certificate(Expr CertificateArn) : PropertyObject;
