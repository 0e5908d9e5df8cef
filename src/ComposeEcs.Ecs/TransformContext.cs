using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>Project-wide facts every concern may read. Built once, after the checks passed.</summary>
internal sealed record TransformContext
{
    public required ComposeProject Project { get; init; }
    public required TransformOptions Options { get; init; }
    /// <summary>The project's <c>x-aws-*</c> settings (<see cref="AwsBinder"/>).</summary>
    public required AwsSettings Aws { get; init; }
    public required Vpc Vpc { get; init; }
    /// <summary>What <c>Cluster</c> of each ECS service points at.</summary>
    public required Expr Cluster { get; init; }
    /// <summary>The load balancer every published port goes through; null when no service publishes a port.</summary>
    public LoadBalancerShape? LoadBalancer { get; init; }
    /// <summary>The awslogs group every container logs to.</summary>
    public Expr LogGroupName { get; init; } = Fn.Ref(LogicalIds.LogGroup);
    public Expr NamespaceArn { get; init; } = Fn.GetAtt(LogicalIds.CloudMap, "Arn");
    public Expr NamespaceId { get; init; } = Fn.Ref(LogicalIds.CloudMap);
    /// <summary>Configs and bind-mounted files each service gets (<see cref="LocalInputs"/>), by service name.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<Delivery>> Deliveries { get; init; } = Maps.Empty<ImmutableArray<Delivery>>();

    public static TransformContext Create(ComposeProject project, AwsSettings aws, TransformOptions options) => new()
    {
        Project = project,
        Options = options,
        Aws = aws,
        Vpc = Networks.Vpc(aws),
        Cluster = Ecs.Cluster.Reference(aws),
        LoadBalancer = LoadBalancing.Shape(project, aws),
    };

    public ImmutableArray<Tag> ProjectTags => [new Tag(ComposeTags.Project, Project.Name)];

    public ImmutableArray<Tag> ServiceTags(string service) =>
        [new Tag(ComposeTags.Project, Project.Name), new Tag(ComposeTags.Service, service)];
}

internal static class ComposeTags
{
    public const string Project = "com.docker.compose.project";
    public const string Service = "com.docker.compose.service";
    public const string Network = "com.docker.compose.network";
}
