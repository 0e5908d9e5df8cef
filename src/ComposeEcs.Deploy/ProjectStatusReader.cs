using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;
using ComposeEcs.Compose.Model;
using ComposeEcs.Ecs;

namespace ComposeEcs.Deploy;

/// <summary>One compose service as ECS runs it.</summary>
public sealed record ServiceStatus(string Name, int Desired, int Running, int Pending, string Status, IReadOnlyList<string> Endpoints);

/// <summary>One ECS task of a service.</summary>
public sealed record TaskStatus(string Service, string TaskId, string Status, string DesiredStatus, string? Health, string? Ip, DateTimeOffset? StartedAt);

/// <param name="StackStatus">The stack's status, or null when the project is not deployed.</param>
public sealed record ProjectStatus(string StackName, string? StackStatus, IReadOnlyList<ServiceStatus> Services, IReadOnlyList<TaskStatus> Tasks);

/// <summary><c>ps</c>: the services (and with tasks, their tasks) of a deployed project.</summary>
/// <remarks>Reads through narrow interfaces (CloudFormation, ECS, the load balancer lookup), so it is tested in memory.</remarks>
public sealed class ProjectStatusReader(ICloudFormationStacks cloudFormation, IEcsServices ecs, ILoadBalancers loadBalancers)
{
    public ProjectStatusReader(AwsContext aws) : this(aws.CloudFormation, aws.Ecs, aws.ElbV2) { }

    /// <param name="project">The loaded compose project, for service names and published ports; null when only the name is known.</param>
    public async Task<ProjectStatus> ReadAsync(string stackName, ComposeProject? project, bool includeTasks, CancellationToken cancellationToken)
    {
        var stack = await cloudFormation.FindStackAsync(stackName, cancellationToken).ConfigureAwait(false);
        if (stack is null) return new ProjectStatus(stackName, null, [], []);

        var resources = await StackTree.ResourcesAsync(cloudFormation, stack.StackId, cancellationToken).ConfigureAwait(false);
        var serviceResources = resources
            .Where(r => r.ResourceType == "AWS::ECS::Service" && !string.IsNullOrEmpty(r.PhysicalResourceId))
            .ToList();
        if (serviceResources.Count == 0) return new ProjectStatus(stackName, stack.StackStatus, [], []);

        var cluster = ClusterOf(resources, serviceResources[0].PhysicalResourceId!);
        var described = await ecs.DescribeServicesAsync(cluster, serviceResources.Select(r => r.PhysicalResourceId!), cancellationToken).ConfigureAwait(false);
        var endpoints = await ServiceEndpoints.ReadAsync(loadBalancers, stack, cancellationToken).ConfigureAwait(false);

        var services = new List<ServiceStatus>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var ecs in described.Items)
        {
            var logicalId = serviceResources.FirstOrDefault(r => r.PhysicalResourceId == ecs.ServiceArn || r.PhysicalResourceId == ecs.ServiceName)?.LogicalResourceId;
            var name = ComposeServiceName(project, logicalId, ecs.ServiceName);
            names[ecs.ServiceName] = name;
            services.Add(new ServiceStatus(name, ecs.DesiredCount, ecs.RunningCount, ecs.PendingCount, ecs.Status,
                endpoints.Where(e => e.Service == name).Select(e => e.Address).ToList()));
        }
        services.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

        var tasks = includeTasks ? await TasksAsync(cluster, described.Items, names, cancellationToken).ConfigureAwait(false) : [];
        return new ProjectStatus(stackName, stack.StackStatus, services, tasks);
    }

    private async Task<IReadOnlyList<TaskStatus>> TasksAsync(
        string cluster, IReadOnlyList<EcsService> services, Dictionary<string, string> names, CancellationToken cancellationToken)
    {
        var tasks = new List<TaskStatus>();
        foreach (var service in services)
        {
            var arns = await ecs.ListTasksAsync(cluster, service.ServiceName, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (arns.Count == 0) continue;
            var described = await ecs.DescribeTasksAsync(cluster, arns, cancellationToken).ConfigureAwait(false);
            tasks.AddRange(described.Items.Select(t => new TaskStatus(
                names[service.ServiceName], TaskId(t.TaskArn), t.LastStatus, t.DesiredStatus, t.HealthStatus,
                t.Containers.SelectMany(c => c.PrivateIpv4Addresses).FirstOrDefault(), t.StartedAt)));
        }
        return tasks.OrderBy(t => t.Service, StringComparer.Ordinal).ThenBy(t => t.TaskId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The last segment of a task ARN (<c>arn:aws:ecs:...:task/cluster/0123abcd</c>).</summary>
    public static string TaskId(string taskArn) => taskArn[(taskArn.LastIndexOf('/') + 1)..];

    /// <summary>The stack's cluster, or for an existing cluster (x-aws-cluster) the one in the service ARN.</summary>
    private static string ClusterOf(IReadOnlyList<StackResource> resources, string serviceArn)
    {
        if (resources.FirstOrDefault(r => r.ResourceType == "AWS::ECS::Cluster")?.PhysicalResourceId is { Length: > 0 } cluster)
            return cluster;
        var parts = serviceArn.Split('/');
        return parts.Length >= 3 ? parts[^2] : "default";
    }

    /// <summary>The compose name of an ECS service: the compose service whose logical ID it has, else the ECS service name.</summary>
    public static string ComposeServiceName(ComposeProject? project, string? logicalId, string ecsServiceName)
    {
        if (project is null) return ecsServiceName;
        return project.Services.Keys.FirstOrDefault(name => logicalId == LogicalIds.Service(name))
            ?? project.Services.Keys.FirstOrDefault(name => name == ecsServiceName)
            ?? ecsServiceName;
    }
}
