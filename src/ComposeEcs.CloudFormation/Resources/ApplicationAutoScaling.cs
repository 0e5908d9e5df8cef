namespace ComposeEcs.CloudFormation.Resources.ApplicationAutoScaling;

public sealed record ScalableTarget : ResourceProperties
{
    public override string ResourceType => "AWS::ApplicationAutoScaling::ScalableTarget";
    public required int MinCapacity { get; init; }
    public required int MaxCapacity { get; init; }
    /// <summary>For ECS: <c>service/&lt;cluster name&gt;/&lt;service name&gt;</c>.</summary>
    public required Expr ResourceId { get; init; }
    /// <summary>For ECS: <c>ecs:service:DesiredCount</c>.</summary>
    public required string ScalableDimension { get; init; }
    public required string ServiceNamespace { get; init; }
    /// <summary>Omitted: the service-linked role is used.</summary>
    public Expr? RoleARN { get; init; }
}

public sealed record ScalingPolicy : ResourceProperties
{
    public override string ResourceType => "AWS::ApplicationAutoScaling::ScalingPolicy";
    public required Expr PolicyName { get; init; }
    /// <summary><c>TargetTrackingScaling</c> or <c>StepScaling</c>.</summary>
    public required string PolicyType { get; init; }
    public Expr? ScalingTargetId { get; init; }
    public TargetTrackingScalingPolicyConfiguration? TargetTrackingScalingPolicyConfiguration { get; init; }
}

public sealed record TargetTrackingScalingPolicyConfiguration : PropertyObject
{
    public required double TargetValue { get; init; }
    public PredefinedMetricSpecification? PredefinedMetricSpecification { get; init; }
    public int? ScaleInCooldown { get; init; }
    public int? ScaleOutCooldown { get; init; }
    public bool? DisableScaleIn { get; init; }
}

/// <summary><c>ECSServiceAverageCPUUtilization</c>, <c>ECSServiceAverageMemoryUtilization</c>, ...</summary>
public sealed record PredefinedMetricSpecification(string PredefinedMetricType) : PropertyObject;
