using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Iam;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// A task execution role per service (pull images, write logs, plus whatever <see cref="ServicePlan.ExecutionRolePolicies"/>
/// asks), and a task role only when <c>x-aws-policies</c>, <c>x-aws-role</c> or another concern gives it permissions.
/// </summary>
internal static class Iam
{
    public static Expr ExecutionPolicyArn => Fn.Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");

    public static Expr AssumedByEcsTasks => new PolicyDocument
    {
        Statement =
        [
            new PolicyStatement
            {
                Principal = new MapExpr(("Service", "ecs-tasks.amazonaws.com")),
                Action = ["sts:AssumeRole"],
            },
        ],
    }.ToExpr();

    /// <summary>Plan step: <c>x-aws-policies</c> and <c>x-aws-role</c> give the service a task role.</summary>
    public static ServicePlan Plan(TransformContext context, ServicePlan plan)
    {
        var managed = plan.Aws.ManagedPolicies.Select(a => (Expr)a);
        var inline = plan.Aws.RolePolicy is { } document
            ? [new Policy($"{plan.Id}Policy", PlainData.ToExpr(document))]
            : ImmutableArray<Policy>.Empty;
        return plan with
        {
            TaskRoleManagedPolicyArns = [.. plan.TaskRoleManagedPolicyArns, .. managed],
            TaskRolePolicies = [.. plan.TaskRolePolicies, .. inline],
        };
    }

    public static bool NeedsTaskRole(ServicePlan plan) => !plan.TaskRolePolicies.IsEmpty || !plan.TaskRoleManagedPolicyArns.IsEmpty;

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var resources = Sorted.Empty<Resource>();
        foreach (var plan in plans)
        {
            var tags = context.ServiceTags(plan.Service.Name);
            resources = resources.Add(LogicalIds.TaskExecutionRole(plan.Service.Name), Resource.Of(new Role
            {
                AssumeRolePolicyDocument = AssumedByEcsTasks,
                Description = $"Starts the tasks of {plan.Service.Name} ({context.Project.Name})",
                ManagedPolicyArns = [ExecutionPolicyArn],
                Policies = plan.ExecutionRolePolicies.IsEmpty ? null : plan.ExecutionRolePolicies,
                Tags = tags,
            }));
            if (!NeedsTaskRole(plan)) continue;
            resources = resources.Add(LogicalIds.TaskRole(plan.Service.Name), Resource.Of(new Role
            {
                AssumeRolePolicyDocument = AssumedByEcsTasks,
                Description = $"Permissions of the {plan.Service.Name} containers ({context.Project.Name})",
                ManagedPolicyArns = plan.TaskRoleManagedPolicyArns.IsEmpty ? null : plan.TaskRoleManagedPolicyArns,
                Policies = plan.TaskRolePolicies.IsEmpty ? null : plan.TaskRolePolicies,
                Tags = tags,
            }));
        }
        return new Template { Resources = resources };
    }
}
