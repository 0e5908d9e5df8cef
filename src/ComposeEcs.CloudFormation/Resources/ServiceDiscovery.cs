namespace ComposeEcs.CloudFormation.Resources.ServiceDiscovery;

public sealed record PrivateDnsNamespace : ResourceProperties
{
    public override string ResourceType => "AWS::ServiceDiscovery::PrivateDnsNamespace";
    public required Expr Name { get; init; }
    public required Expr Vpc { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record Service : ResourceProperties
{
    public override string ResourceType => "AWS::ServiceDiscovery::Service";
    public Expr? Name { get; init; }
    public Expr? NamespaceId { get; init; }
    public string? Description { get; init; }
    public DnsConfig? DnsConfig { get; init; }
    public HealthCheckCustomConfig? HealthCheckCustomConfig { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record DnsConfig : PropertyObject
{
    public required IReadOnlyList<DnsRecord> DnsRecords { get; init; }
    /// <summary><c>MULTIVALUE</c> or <c>WEIGHTED</c>.</summary>
    public string? RoutingPolicy { get; init; }
    public Expr? NamespaceId { get; init; }
}

/// <summary><c>Type</c>: A, AAAA, CNAME or SRV.</summary>
public sealed record DnsRecord(string Type, int TTL) : PropertyObject;

public sealed record HealthCheckCustomConfig : PropertyObject
{
    public int? FailureThreshold { get; init; }
}
