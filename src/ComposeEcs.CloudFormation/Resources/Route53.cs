namespace ComposeEcs.CloudFormation.Resources.Route53;

/// <summary>One DNS record in a hosted zone (here: the zone behind a Cloud Map private DNS namespace).</summary>
public sealed record RecordSet : ResourceProperties
{
    public override string ResourceType => "AWS::Route53::RecordSet";
    public required Expr HostedZoneId { get; init; }
    /// <summary>The fully qualified name, such as <c>database.shop.local</c>.</summary>
    public required Expr Name { get; init; }
    /// <summary><c>A</c>, <c>CNAME</c>, ...</summary>
    public required string Type { get; init; }
    /// <summary>Seconds, written as a string as the schema has it.</summary>
    public string? TTL { get; init; }
    public IReadOnlyList<Expr>? ResourceRecords { get; init; }
    public string? Comment { get; init; }
}
