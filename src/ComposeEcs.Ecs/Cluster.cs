using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose.Model;
using EcsCluster = ComposeEcs.CloudFormation.Resources.Ecs.Cluster;

namespace ComposeEcs.Ecs;

/// <summary>The ECS cluster, named after the project.</summary>
internal static class Cluster
{
    /// <summary>What ECS services use as their <c>Cluster</c>.</summary>
    public static Expr Reference(AwsSettings aws) => aws.Cluster is { } existing ? existing.Value : Fn.Ref(LogicalIds.Cluster);

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans) => new()
    {
        Resources = context.Aws.Cluster is not null
            ? Sorted.Empty<Resource>()
            : Sorted.Empty<Resource>().Add(LogicalIds.Cluster, Resource.Of(new EcsCluster
            {
                ClusterName = AwsNames.Shorten(context.Project.Name, AwsNames.Family),
                Tags = context.ProjectTags,
            })),
        Outputs = Sorted.Empty<Output>()
            .Add("ClusterName", new Output(ExistingResources.ClusterName(context.Aws)) { Description = "Name of the ECS cluster" })
            .Add("ClusterArn", new Output(ExistingResources.ClusterArn(context.Aws)) { Description = "ARN of the ECS cluster" }),
    };
}
