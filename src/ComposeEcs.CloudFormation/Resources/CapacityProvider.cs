namespace ComposeEcs.CloudFormation.Resources.Ecs;

public sealed record CapacityProvider : ResourceProperties
{
    public override string ResourceType => "AWS::ECS::CapacityProvider";
    public Expr? Name { get; init; }
    public required AutoScalingGroupProvider AutoScalingGroupProvider { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record AutoScalingGroupProvider : PropertyObject
{
    /// <summary>The group's name or ARN (<c>Ref</c> of an <c>AWS::AutoScaling::AutoScalingGroup</c> gives its name).</summary>
    public required Expr AutoScalingGroupArn { get; init; }
    public ManagedScaling? ManagedScaling { get; init; }
    /// <summary><c>ENABLED</c> or <c>DISABLED</c>.</summary>
    public string? ManagedTerminationProtection { get; init; }
    public string? ManagedDraining { get; init; }
}

public sealed record ManagedScaling : PropertyObject
{
    /// <summary><c>ENABLED</c> or <c>DISABLED</c>.</summary>
    public string? Status { get; init; }
    public int? TargetCapacity { get; init; }
    public int? MinimumScalingStepSize { get; init; }
    public int? MaximumScalingStepSize { get; init; }
    public int? InstanceWarmupPeriod { get; init; }
}

public sealed record ClusterCapacityProviderAssociations : ResourceProperties
{
    public override string ResourceType => "AWS::ECS::ClusterCapacityProviderAssociations";
    public required Expr Cluster { get; init; }
    public required IReadOnlyList<Expr> CapacityProviders { get; init; }
    public required IReadOnlyList<CapacityProviderStrategyItem> DefaultCapacityProviderStrategy { get; init; }
}
