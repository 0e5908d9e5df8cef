using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose.Model;
using EcsCluster = ComposeEcs.CloudFormation.Resources.Ecs.Cluster;

namespace ComposeEcs.Ecs;

/// <summary>The ECS cluster, named after the project.</summary>
internal static class Cluster
{
    /// <summary>What ECS services use as their <c>Cluster</c>.</summary>
    public static Expr Reference(ComposeProject project) => Fn.Ref(LogicalIds.Cluster);

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans) => new()
    {
        Resources = Sorted.Empty<Resource>().Add(LogicalIds.Cluster, Resource.Of(new EcsCluster
        {
            ClusterName = context.Project.Name,
            Tags = context.ProjectTags,
        })),
        Outputs = Sorted.Empty<Output>()
            .Add("ClusterName", new Output(Fn.Ref(LogicalIds.Cluster)) { Description = "Name of the ECS cluster" })
            .Add("ClusterArn", new Output(Fn.GetAtt(LogicalIds.Cluster, "Arn")) { Description = "ARN of the ECS cluster" }),
    };
}
