using System.Text.Json.Nodes;
using ComposeEcs.FakeAws.CloudFormation;

namespace ComposeEcs.FakeAws.Services;

/// <summary>ECS read operations (JSON 1.1, AmazonEC2ContainerServiceV20141113) over <see cref="EcsView"/>.</summary>
internal sealed class EcsApi(EcsView view, FakeAwsOptions options) : IServiceHandler
{
    public string Service => "ecs";

    public WireResponse Handle(AwsRequest request) => request.Action switch
    {
        "DescribeClusters" => DescribeClusters(request),
        "ListClusters" => ListClusters(request),
        "ListServices" => ListServices(request),
        "DescribeServices" => DescribeServices(request),
        "ListTasks" => ListTasks(request),
        "DescribeTasks" => DescribeTasks(request),
        _ => throw new AwsError("UnknownOperationException", $"Unknown operation {request.Action}"),
    };

    private static string ClusterName(AwsRequest request) => PhysicalResources.ClusterName(request.Json.Str("cluster") ?? "default");

    private EcsCluster RequireCluster(AwsRequest request) =>
        view.Clusters().FirstOrDefault(c => c.Name == ClusterName(request))
        ?? throw new AwsError("ClusterNotFoundException", "Cluster not found.");

    private static JsonObject Page(string key, IReadOnlyList<string> all, AwsRequest request, FakeAwsOptions options)
    {
        var (page, next) = Paging.Page(all, request.Json.Str("nextToken"), options.PageSize, (int?)request.Json.Long("maxResults"));
        var body = new JsonObject { [key] = JsonProtocol.Array(page.Select(a => (JsonNode?)a)) };
        if (next is not null) body["nextToken"] = next;
        return body;
    }

    private WireResponse DescribeClusters(AwsRequest request)
    {
        var wanted = request.Json.Strings("clusters").Select(PhysicalResources.ClusterName).DefaultIfEmpty("default").ToList();
        var clusters = view.Clusters();
        var services = view.Services();
        return JsonProtocol.Ok(request, new JsonObject
        {
            ["clusters"] = JsonProtocol.Array(clusters.Where(c => wanted.Contains(c.Name)).Select(c => (JsonNode?)new JsonObject
            {
                ["clusterArn"] = c.Arn,
                ["clusterName"] = c.Name,
                ["status"] = "ACTIVE",
                ["activeServicesCount"] = services.Count(s => s.Cluster == c.Name),
                ["runningTasksCount"] = services.Where(s => s.Cluster == c.Name).Sum(view.RunningCount),
                ["pendingTasksCount"] = 0,
                ["registeredContainerInstancesCount"] = 0,
            })),
            ["failures"] = JsonProtocol.Array(wanted.Where(w => clusters.All(c => c.Name != w)).Select(w => (JsonNode?)new JsonObject
            {
                ["arn"] = view.ClusterArn(w), ["reason"] = "MISSING",
            })),
        });
    }

    private WireResponse ListClusters(AwsRequest request) =>
        JsonProtocol.Ok(request, Page("clusterArns", view.Clusters().Select(c => c.Arn).ToList(), request, options));

    private WireResponse ListServices(AwsRequest request)
    {
        var cluster = RequireCluster(request);
        return JsonProtocol.Ok(request, Page("serviceArns", view.Services().Where(s => s.Cluster == cluster.Name).Select(s => s.Arn).ToList(), request, options));
    }

    private WireResponse DescribeServices(AwsRequest request)
    {
        var cluster = RequireCluster(request);
        var wanted = request.Json.Strings("services");
        var services = view.Services().Where(s => s.Cluster == cluster.Name).ToList();
        var found = wanted.Select(w => services.FirstOrDefault(s => s.Arn == w || s.Name == w)).ToList();
        return JsonProtocol.Ok(request, new JsonObject
        {
            ["services"] = JsonProtocol.Array(found.OfType<EcsService>().Select(s => (JsonNode?)EcsJson.Service(s, cluster, view.RunningCount(s)))),
            ["failures"] = JsonProtocol.Array(wanted.Where((_, i) => found[i] is null).Select(w => (JsonNode?)new JsonObject
            {
                ["arn"] = w.StartsWith("arn:", StringComparison.Ordinal) ? w : cluster.Arn.Replace(":cluster/", ":service/", StringComparison.Ordinal) + "/" + w,
                ["reason"] = "MISSING",
            })),
        });
    }

    private WireResponse ListTasks(AwsRequest request)
    {
        var cluster = RequireCluster(request);
        var serviceName = request.Json.Str("serviceName");
        var desired = request.Json.Str("desiredStatus") ?? "RUNNING";
        var services = view.Services().Where(s => s.Cluster == cluster.Name && (serviceName is null || s.Name == serviceName || s.Arn == serviceName)).ToList();
        if (serviceName is not null && services.Count == 0) throw new AwsError("ServiceNotFoundException", "Service not found.");
        var arns = desired == "RUNNING" ? services.SelectMany(view.Tasks).Select(t => t.Arn).ToList() : [];
        return JsonProtocol.Ok(request, Page("taskArns", arns, request, options));
    }

    private WireResponse DescribeTasks(AwsRequest request)
    {
        var cluster = RequireCluster(request);
        var wanted = request.Json.Strings("tasks");
        var all = view.Services().Where(s => s.Cluster == cluster.Name)
            .SelectMany(s => view.Tasks(s).Select(t => (Service: s, Task: t))).ToList();
        var found = wanted.Select(w => all.FirstOrDefault(x => x.Task.Arn == w || x.Task.Id == w)).ToList();
        return JsonProtocol.Ok(request, new JsonObject
        {
            ["tasks"] = JsonProtocol.Array(found.Where(x => x.Task is not null).Select(x => (JsonNode?)EcsJson.Task(x.Service, x.Task, cluster))),
            ["failures"] = JsonProtocol.Array(wanted.Where((_, i) => found[i].Task is null).Select(w => (JsonNode?)new JsonObject
            {
                ["arn"] = w, ["reason"] = "MISSING",
            })),
        });
    }
}
