namespace ComposeEcs.CloudFormation.Resources.AutoScaling;

public sealed record AutoScalingGroup : ResourceProperties
{
    public override string ResourceType => "AWS::AutoScaling::AutoScalingGroup";
    /// <summary>Text, as the schema types it (<c>"0"</c>).</summary>
    public required string MinSize { get; init; }
    public required string MaxSize { get; init; }
    public string? DesiredCapacity { get; init; }
    public LaunchTemplateSpecification? LaunchTemplate { get; init; }
    /// <summary>A list expression of subnet ids.</summary>
    public Expr? VPCZoneIdentifier { get; init; }
    public bool? NewInstancesProtectedFromScaleIn { get; init; }
    public IReadOnlyList<TagProperty>? Tags { get; init; }
}

public sealed record LaunchTemplateSpecification : PropertyObject
{
    public Expr? LaunchTemplateId { get; init; }
    public Expr? LaunchTemplateName { get; init; }
    public required Expr Version { get; init; }
}

public sealed record TagProperty(Expr Key, Expr Value, bool PropagateAtLaunch) : PropertyObject;
