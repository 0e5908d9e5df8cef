using System.Text.Json.Nodes;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Clients;

/// <summary>The ECS operations compose-ecs uses (JSON 1.1, AmazonEC2ContainerServiceV20141113).</summary>
public sealed class EcsClient(AwsTransport transport) : IEcsServices
{
    private const int DescribeServicesLimit = 10;
    private const int DescribeTasksLimit = 100;
    private const int MaxPageSize = 100;
    private readonly JsonProtocol _json = new(transport, AwsService.Ecs, "AmazonEC2ContainerServiceV20141113");

    public Task<IReadOnlyList<string>> ListServicesAsync(string cluster, CancellationToken cancellationToken = default) =>
        Paging.All<string>(async (token, ct) =>
        {
            var request = new JsonObject { ["cluster"] = cluster, ["maxResults"] = MaxPageSize }.With("nextToken", token);
            var result = await _json.CallAsync("ListServices", request, ct).ConfigureAwait(false);
            return new Page<string>(result.Strings("serviceArns"), result.Str("nextToken"));
        }, cancellationToken).CollectAsync(cancellationToken);

    /// <summary>Describes any number of services (split into calls of 10, the API's limit).</summary>
    public Task<DescribeResult<EcsService>> DescribeServicesAsync(string cluster, IEnumerable<string> services, CancellationToken cancellationToken = default) =>
        DescribeInChunksAsync("DescribeServices", cluster, "services", services, DescribeServicesLimit, ReadService, cancellationToken);

    /// <param name="serviceName">Only the tasks of this service.</param>
    /// <param name="desiredStatus">RUNNING (the API default), PENDING or STOPPED.</param>
    public Task<IReadOnlyList<string>> ListTasksAsync(string cluster, string? serviceName = null, string? desiredStatus = null, CancellationToken cancellationToken = default) =>
        Paging.All<string>(async (token, ct) =>
        {
            var request = new JsonObject { ["cluster"] = cluster, ["maxResults"] = MaxPageSize }
                .With("serviceName", serviceName).With("desiredStatus", desiredStatus).With("nextToken", token);
            var result = await _json.CallAsync("ListTasks", request, ct).ConfigureAwait(false);
            return new Page<string>(result.Strings("taskArns"), result.Str("nextToken"));
        }, cancellationToken).CollectAsync(cancellationToken);

    /// <summary>Describes any number of tasks (split into calls of 100, the API's limit).</summary>
    public Task<DescribeResult<EcsTask>> DescribeTasksAsync(string cluster, IEnumerable<string> tasks, CancellationToken cancellationToken = default) =>
        DescribeInChunksAsync("DescribeTasks", cluster, "tasks", tasks, DescribeTasksLimit, ReadTask, cancellationToken);

    /// <summary>One Describe call per <paramref name="limit"/> names (<paramref name="key"/> is both the request list and the answer's), results and failures gathered.</summary>
    private async Task<DescribeResult<T>> DescribeInChunksAsync<T>(
        string action, string cluster, string key, IEnumerable<string> names, int limit, Func<JsonObject, T> read, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var failures = new List<EcsFailure>();
        foreach (var chunk in names.Chunk(limit))
        {
            var request = new JsonObject { ["cluster"] = cluster, [key] = Json.Array(chunk) };
            var result = await _json.CallAsync(action, request, cancellationToken).ConfigureAwait(false);
            items.AddRange(result.Objects(key).Select(read));
            failures.AddRange(result.Objects("failures").Select(ReadFailure));
        }
        return new DescribeResult<T>(items, failures);
    }

    public async Task<DescribeResult<EcsCluster>> DescribeClustersAsync(IEnumerable<string> clusters, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject { ["clusters"] = Json.Array(clusters) };
        var result = await _json.CallAsync("DescribeClusters", request, cancellationToken).ConfigureAwait(false);
        return new DescribeResult<EcsCluster>(
            result.Objects("clusters").Select(c => new EcsCluster(
                c.StrOrEmpty("clusterArn"), c.StrOrEmpty("clusterName"), c.StrOrEmpty("status"),
                c.Int("runningTasksCount") ?? 0, c.Int("pendingTasksCount") ?? 0, c.Int("activeServicesCount") ?? 0)).ToList(),
            result.Objects("failures").Select(ReadFailure).ToList());
    }

    private static EcsFailure ReadFailure(JsonObject f) => new(f.Str("arn"), f.Str("reason"), f.Str("detail"));

    private static EcsService ReadService(JsonObject s) => new(
        s.StrOrEmpty("serviceArn"), s.StrOrEmpty("serviceName"), s.StrOrEmpty("clusterArn"), s.StrOrEmpty("status"),
        s.Int("desiredCount") ?? 0, s.Int("runningCount") ?? 0, s.Int("pendingCount") ?? 0, s.Str("launchType"), s.Str("taskDefinition"),
        s.Objects("deployments").Select(d => new EcsDeployment(
            d.StrOrEmpty("id"), d.StrOrEmpty("status"), d.Str("rolloutState"), d.Int("desiredCount") ?? 0,
            d.Int("runningCount") ?? 0, d.Int("pendingCount") ?? 0, d.Int("failedTasks") ?? 0)).ToList(),
        s.Objects("events").Select(e => new EcsServiceEvent(e.StrOrEmpty("id"), e.EpochSeconds("createdAt"), e.StrOrEmpty("message"))).ToList());

    private static EcsTask ReadTask(JsonObject t) => new(
        t.StrOrEmpty("taskArn"), t.StrOrEmpty("clusterArn"), t.StrOrEmpty("taskDefinitionArn"), t.Str("group"),
        t.StrOrEmpty("lastStatus"), t.StrOrEmpty("desiredStatus"), t.Str("healthStatus"), t.Str("launchType"),
        t.EpochSeconds("createdAt"), t.EpochSeconds("startedAt"), t.EpochSeconds("stoppedAt"), t.Str("stoppedReason"),
        t.Objects("containers").Select(c => new EcsContainer(
            c.StrOrEmpty("name"), c.Str("lastStatus"), c.Int("exitCode"), c.Str("reason"), c.Str("healthStatus"),
            c.Objects("networkInterfaces").Select(n => n.Str("privateIpv4Address")).OfType<string>().ToList())).ToList());
}
