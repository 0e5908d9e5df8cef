using System.Text.Json.Nodes;
using ComposeEcs.FakeAws.CloudFormation;

namespace ComposeEcs.FakeAws.Services;

internal sealed record EcsCluster(string Name, string Arn, DateTimeOffset CreatedAt);

internal sealed record EcsService(string Arn, string Name, string Cluster, int DesiredCount, string LaunchType, string? TaskDefinition,
    JsonNode? Properties, IReadOnlyList<ContainerInfo> Containers, DateTimeOffset CreatedAt);

internal sealed record ContainerInfo(string Name, string? Image, bool HasHealthCheck);

internal sealed record EcsTask(string Id, string Arn, string PrivateIp, string SubnetId, DateTimeOffset StartedAt)
{
    public string LastStatus { get; init; } = "RUNNING";
    public string? Health { get; init; }
}

/// <summary>What a test forces on a service's tasks: fewer running than desired, or a health status.</summary>
internal sealed record TaskOverride(int? Running, string? Health);

/// <summary>ECS as the stacks imply it: clusters and services from stack resources, DesiredCount RUNNING tasks per service.</summary>
internal sealed class EcsView(CloudFormationStore store, string region, string account, IdSource ids)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<EcsTask>> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _created = new(StringComparer.Ordinal);
    private readonly List<EcsCluster> _existing = [];
    private readonly Dictionary<string, TaskOverride> _overrides = new(StringComparer.Ordinal);

    public void Override(string serviceName, Func<TaskOverride, TaskOverride> change)
    {
        lock (_lock) _overrides[serviceName] = change(_overrides.GetValueOrDefault(serviceName) ?? new TaskOverride(null, null));
    }

    public int RunningCount(EcsService service) => Tasks(service).Count(t => t.LastStatus == "RUNNING");

    /// <summary>A cluster that exists outside any stack (x-aws-cluster).</summary>
    public void AddCluster(string name)
    {
        lock (_lock) _existing.Add(new EcsCluster(name, ClusterArn(name), DateTimeOffset.UtcNow));
    }

    private IEnumerable<(Stack Stack, StackResource Resource)> Resources(string type)
    {
        lock (store.Lock)
            return store.Live.SelectMany(s => s.Resources.Values.Where(r => r.Exists && r.Type == type).Select(r => (s, r))).ToList();
    }

    /// <summary>Stack clusters, clusters added by the test, and clusters stack services run in.</summary>
    public IReadOnlyList<EcsCluster> Clusters()
    {
        var clusters = Resources("AWS::ECS::Cluster").Select(x => new EcsCluster(x.Resource.Physical!.Id,
            Template.Text(x.Resource.Physical.Attributes.GetValueOrDefault("Arn")) ?? "", x.Resource.Timestamp)).ToList();
        lock (_lock) clusters.AddRange(_existing);
        clusters.AddRange(Services().Select(s => new EcsCluster(s.Cluster, ClusterArn(s.Cluster), s.CreatedAt)));
        return clusters.DistinctBy(c => c.Name).ToList();
    }

    public IReadOnlyList<EcsService> Services() =>
        Resources("AWS::ECS::Service").Select(x => Service(x.Stack, x.Resource)).ToList();

    private EcsService Service(Stack stack, StackResource r)
    {
        var arn = r.Physical!.Id;
        var props = r.Properties;
        var taskDefinition = Template.Text(props?["TaskDefinition"]);
        List<ContainerInfo> containers;
        lock (store.Lock)
            containers = stack.Resources.Values
                .Where(t => t.Type == "AWS::ECS::TaskDefinition" && t.Physical?.Id == taskDefinition)
                .SelectMany(t => t.Properties?["ContainerDefinitions"] as JsonArray ?? [])
                .Select(c => new ContainerInfo(Template.Text(c?["Name"]) ?? "app", Template.Text(c?["Image"]), c?["HealthCheck"] is not null))
                .ToList();
        return new EcsService(arn, arn.Split('/')[^1], arn.Split('/')[^2],
            int.TryParse(Template.Text(props?["DesiredCount"]), out var count) ? count : 1,
            Template.Text(props?["LaunchType"]) ?? (props?["CapacityProviderStrategy"] is null ? "FARGATE" : "EC2"),
            taskDefinition, props, containers, r.Timestamp);
    }

    /// <summary>The service's tasks, grown or shrunk to its desired count (ids stay stable across calls).</summary>
    public IReadOnlyList<EcsTask> Tasks(EcsService service)
    {
        lock (_lock)
        {
            if (!_tasks.TryGetValue(service.Arn, out var tasks)) _tasks[service.Arn] = tasks = [];
            while (tasks.Count > service.DesiredCount) tasks.RemoveAt(tasks.Count - 1);
            while (tasks.Count < service.DesiredCount)
            {
                var id = ids.Hex($"{service.Arn}/task/{_created[service.Arn] = _created.GetValueOrDefault(service.Arn) + 1}", 32);
                var ip = $"172.31.{Convert.ToInt32(id[..2], 16) % 48}.{Convert.ToInt32(id[2..4], 16) % 248 + 2}";
                tasks.Add(new EcsTask(id, $"arn:aws:ecs:{region}:{account}:task/{service.Cluster}/{id}",
                    ip, $"subnet-0default1{"abc"[tasks.Count % 3]}", DateTimeOffset.UtcNow));
            }
            var forced = _overrides.GetValueOrDefault(service.Name);
            return tasks.Select((t, i) => t with
            {
                LastStatus = forced?.Running is { } running && i >= running ? "PENDING" : "RUNNING",
                Health = forced?.Health,
            }).ToList();
        }
    }

    public string ClusterArn(string cluster) => $"arn:aws:ecs:{region}:{account}:cluster/{PhysicalResources.ClusterName(cluster)}";
}
