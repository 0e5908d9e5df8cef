using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.Compose.Model;
using IamPolicy = ComposeEcs.CloudFormation.Resources.Iam.Policy;

using Service = ComposeEcs.Compose.Model.Service;

namespace ComposeEcs.Ecs;

/// <summary>
/// Everything the transform will emit for one compose service, built by plan steps (see <see cref="ComposeTransform"/>)
/// before any resource exists. Each step returns a changed copy; <see cref="TaskDefinitions"/>, <see cref="Services"/>
/// and <see cref="Iam"/> turn the final plan into resources.
/// </summary>
internal sealed record ServicePlan
{
    public required Service Service { get; init; }
    /// <summary>The service's <c>x-aws-*</c> settings, ports included (<see cref="AwsBinder"/>).</summary>
    public required ServiceAws Aws { get; init; }
    /// <summary>The normalised name every logical id of this service starts with (<c>Webapi</c>).</summary>
    public required string Id { get; init; }

    // Task definition
    /// <summary>The service's own container; its name is the compose service name.</summary>
    public required ContainerDefinition Container { get; init; }
    /// <summary>Extra containers in the same task (init containers, sidecars), emitted before <see cref="Container"/>.</summary>
    public ImmutableArray<ContainerDefinition> Sidecars { get; init; } = [];
    public ImmutableArray<CloudFormation.Resources.Ecs.Volume> Volumes { get; init; } = [];
    public required FargateSize Size { get; init; }
    public required RuntimePlatform Platform { get; init; }
    /// <summary><c>FARGATE</c>, or <c>EC2</c> when a later concern (GPU) moves the task to instances.</summary>
    public ImmutableArray<string> RequiresCompatibilities { get; init; } = ["FARGATE"];

    // Roles
    /// <summary>Inline policies added to the task execution role (reading secrets, pull credentials).</summary>
    public ImmutableArray<IamPolicy> ExecutionRolePolicies { get; init; } = [];
    /// <summary>Inline policies of the task role; the role exists only when this or the managed list is non-empty.</summary>
    public ImmutableArray<IamPolicy> TaskRolePolicies { get; init; } = [];
    public ImmutableArray<Expr> TaskRoleManagedPolicyArns { get; init; } = [];

    // ECS service
    public int DesiredCount { get; init; } = 1;
    public required DeploymentConfiguration Deployment { get; init; }
    /// <summary>Launch type; null when <see cref="CapacityProviderStrategy"/> is used instead.</summary>
    public string? LaunchType { get; init; } = "FARGATE";
    public ImmutableArray<CapacityProviderStrategyItem> CapacityProviderStrategy { get; init; } = [];
    public ImmutableArray<Expr> SecurityGroups { get; init; } = [];
    public string AssignPublicIp { get; init; } = "ENABLED";
    /// <summary>Subnets of the tasks; null for all of the template's subnets (EFS volumes narrow them to the mount targets' subnets).</summary>
    public Expr? Subnets { get; init; }
    public ImmutableArray<CloudFormation.Resources.Ecs.LoadBalancer> LoadBalancers { get; init; } = [];
    public ImmutableArray<ServiceRegistry> ServiceRegistries { get; init; } = [];
    public ServiceConnectConfiguration? ServiceConnect { get; init; }
    /// <summary>Logical ids the ECS service waits for (other services, listeners, mount targets).</summary>
    public ImmutableArray<string> DependsOn { get; init; } = [];

    public ServicePlan WithContainer(Func<ContainerDefinition, ContainerDefinition> change) => this with { Container = change(Container) };
}
