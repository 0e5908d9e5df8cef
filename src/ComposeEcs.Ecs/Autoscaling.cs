using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.ApplicationAutoScaling;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>The parsed <c>deploy.x-aws-autoscaling</c> of a service: task count bounds and one target-tracking metric.</summary>
internal sealed record AutoscalingSettings(int Min, int Max, string Metric, double Target);

/// <summary>
/// <c>deploy.x-aws-autoscaling: {min, max, cpu | memory}</c> → an Application Auto Scaling target on the service's
/// desired count (the ECS service-linked role does the scaling, so no role is created) and a target-tracking policy
/// keeping average CPU or memory utilisation at the given percentage.
/// </summary>
internal static class Autoscaling
{
    public static string TargetId(string service) => LogicalIds.Normalize(service) + "ScalableTarget";
    public static string PolicyId(string service) => LogicalIds.Normalize(service) + "ScalingPolicy";

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var resources = Sorted.Empty<Resource>();
        foreach (var plan in plans)
        {
            if (plan.Aws.Autoscaling is not { } settings) continue;
            var name = plan.Service.Name;
            resources = resources
                .Add(TargetId(name), Resource.Of(new ScalableTarget
                {
                    MinCapacity = settings.Min,
                    MaxCapacity = settings.Max,
                    ResourceId = Fn.Join("/", "service", ExistingResources.ClusterName(context.Aws), Fn.GetAtt(LogicalIds.Service(name), "Name")),
                    ScalableDimension = "ecs:service:DesiredCount",
                    ServiceNamespace = "ecs",
                }))
                .Add(PolicyId(name), Resource.Of(new ScalingPolicy
                {
                    PolicyName = $"{context.Project.Name}-{name}-{settings.Metric}",
                    PolicyType = "TargetTrackingScaling",
                    ScalingTargetId = Fn.Ref(TargetId(name)),
                    TargetTrackingScalingPolicyConfiguration = new TargetTrackingScalingPolicyConfiguration
                    {
                        TargetValue = settings.Target,
                        PredefinedMetricSpecification = new PredefinedMetricSpecification(
                            settings.Metric == "cpu" ? "ECSServiceAverageCPUUtilization" : "ECSServiceAverageMemoryUtilization"),
                    },
                }));
        }
        return new Template { Resources = resources };
    }
}
