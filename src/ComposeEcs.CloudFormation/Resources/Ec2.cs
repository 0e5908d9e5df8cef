namespace ComposeEcs.CloudFormation.Resources.Ec2;

public sealed record SecurityGroup : ResourceProperties
{
    public override string ResourceType => "AWS::EC2::SecurityGroup";
    public required Expr GroupDescription { get; init; }
    public Expr? GroupName { get; init; }
    public Expr? VpcId { get; init; }
    public IReadOnlyList<Ingress>? SecurityGroupIngress { get; init; }
    public IReadOnlyList<Egress>? SecurityGroupEgress { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

/// <summary>An inline ingress rule of a security group (the <c>Ingress</c> property type).</summary>
public sealed record Ingress : PropertyObject
{
    /// <summary><c>tcp</c>, <c>udp</c>, <c>icmp</c> or <c>-1</c> for all.</summary>
    public required string IpProtocol { get; init; }
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
    public string? CidrIp { get; init; }
    public string? CidrIpv6 { get; init; }
    public Expr? SourceSecurityGroupId { get; init; }
    public string? Description { get; init; }
}

public sealed record Egress : PropertyObject
{
    public required string IpProtocol { get; init; }
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
    public string? CidrIp { get; init; }
    public Expr? DestinationSecurityGroupId { get; init; }
    public string? Description { get; init; }
}

/// <summary>A standalone ingress rule, needed when a group refers to itself (an inline rule could not).</summary>
public sealed record SecurityGroupIngress : ResourceProperties
{
    public override string ResourceType => "AWS::EC2::SecurityGroupIngress";
    public required Expr GroupId { get; init; }
    public required string IpProtocol { get; init; }
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
    public string? CidrIp { get; init; }
    public Expr? SourceSecurityGroupId { get; init; }
    public string? Description { get; init; }
}
