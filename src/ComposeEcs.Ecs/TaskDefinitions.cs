using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ecs;

namespace ComposeEcs.Ecs;

/// <summary>One Fargate task definition per service: its plan's containers, size, platform and roles.</summary>
internal static class TaskDefinitions
{
    /// <summary>Task definition families allow letters, digits, <c>-</c> and <c>_</c>, like container names.</summary>
    public static string Family(string project, string service) => AwsNames.Shorten($"{project}-{Containers.Name(service)}", AwsNames.Family);

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var resources = Sorted.Empty<Resource>();
        foreach (var plan in plans)
        {
            var name = plan.Service.Name;
            resources = resources.Add(LogicalIds.TaskDefinition(name), Resource.Of(new TaskDefinition
            {
                Family = Family(context.Project.Name, name),
                ContainerDefinitions = [.. plan.Sidecars, plan.Container],
                Cpu = plan.Size.CpuText,
                Memory = plan.Size.MemoryText,
                NetworkMode = "awsvpc",
                RequiresCompatibilities = plan.RequiresCompatibilities,
                RuntimePlatform = plan.Platform,
                ExecutionRoleArn = Fn.GetAtt(LogicalIds.TaskExecutionRole(name), "Arn"),
                TaskRoleArn = Iam.NeedsTaskRole(plan) ? Fn.GetAtt(LogicalIds.TaskRole(name), "Arn") : null,
                Volumes = plan.Volumes.IsEmpty ? null : plan.Volumes,
                Tags = context.ServiceTags(name),
            }));
        }
        return new Template { Resources = resources };
    }
}
