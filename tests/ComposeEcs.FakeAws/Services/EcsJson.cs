using System.Text.Json.Nodes;

namespace ComposeEcs.FakeAws.Services;

/// <summary>ECS's JSON shapes for services and tasks.</summary>
internal static class EcsJson
{
    public static JsonObject Service(EcsService s, EcsCluster cluster, int running) => new()
    {
        ["serviceArn"] = s.Arn,
        ["serviceName"] = s.Name,
        ["clusterArn"] = cluster.Arn,
        ["status"] = "ACTIVE",
        ["desiredCount"] = s.DesiredCount,
        ["runningCount"] = running,
        ["pendingCount"] = s.DesiredCount - running,
        ["launchType"] = s.LaunchType,
        ["taskDefinition"] = s.TaskDefinition,
        ["loadBalancers"] = s.Properties?["LoadBalancers"]?.DeepClone() is JsonArray lbs ? Camel(lbs) : new JsonArray(),
        ["deployments"] = new JsonArray(new JsonObject
        {
            ["id"] = "ecs-svc/" + Math.Abs(s.Arn.GetHashCode()),
            ["status"] = "PRIMARY",
            ["taskDefinition"] = s.TaskDefinition,
            ["desiredCount"] = s.DesiredCount,
            ["runningCount"] = running,
            ["pendingCount"] = s.DesiredCount - running,
            ["failedTasks"] = 0,
            ["launchType"] = s.LaunchType,
            ["rolloutState"] = running == s.DesiredCount ? "COMPLETED" : "IN_PROGRESS",
            ["createdAt"] = JsonProtocol.Epoch(s.CreatedAt),
            ["updatedAt"] = JsonProtocol.Epoch(s.CreatedAt),
        }),
        ["events"] = new JsonArray(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["createdAt"] = JsonProtocol.Epoch(s.CreatedAt),
            ["message"] = $"(service {s.Name}) has reached a steady state.",
        }),
        ["createdAt"] = JsonProtocol.Epoch(s.CreatedAt),
        ["schedulingStrategy"] = "REPLICA",
    };

    public static JsonObject Task(EcsService s, EcsTask t, EcsCluster cluster)
    {
        var checkedHealth = t.LastStatus == "RUNNING" ? "HEALTHY" : "UNKNOWN";
        var health = t.Health ?? (s.Containers.Any(c => c.HasHealthCheck) ? checkedHealth : "UNKNOWN");
        var eni = "eni-" + t.Id[..17];
        var task = new JsonObject
        {
            ["taskArn"] = t.Arn,
            ["clusterArn"] = cluster.Arn,
            ["taskDefinitionArn"] = s.TaskDefinition,
            ["group"] = $"service:{s.Name}",
            ["lastStatus"] = t.LastStatus,
            ["desiredStatus"] = "RUNNING",
            ["healthStatus"] = health,
            ["launchType"] = s.LaunchType,
            ["connectivity"] = "CONNECTED",
            ["availabilityZone"] = "us-east-1" + t.SubnetId[^1],
            ["createdAt"] = JsonProtocol.Epoch(t.StartedAt),
            ["startedAt"] = JsonProtocol.Epoch(t.StartedAt),
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["type"] = "ElasticNetworkInterface",
                ["status"] = "ATTACHED",
                ["details"] = new JsonArray(
                    Detail("subnetId", t.SubnetId),
                    Detail("networkInterfaceId", eni),
                    Detail("macAddress", "0e:00:00:00:00:01"),
                    Detail("privateDnsName", $"ip-{t.PrivateIp.Replace('.', '-')}.ec2.internal"),
                    Detail("privateIPv4Address", t.PrivateIp)),
            }),
            ["containers"] = JsonProtocol.Array(s.Containers.DefaultIfEmpty(new ContainerInfo("app", null, false)).Select(c => (JsonNode?)new JsonObject
            {
                ["containerArn"] = $"{t.Arn.Replace(":task/", ":container/", StringComparison.Ordinal)}/{c.Name}",
                ["taskArn"] = t.Arn,
                ["name"] = c.Name,
                ["image"] = c.Image,
                ["lastStatus"] = t.LastStatus,
                ["healthStatus"] = c.HasHealthCheck ? health : "UNKNOWN",
                ["networkInterfaces"] = new JsonArray(new JsonObject { ["attachmentId"] = eni, ["privateIpv4Address"] = t.PrivateIp }),
            })),
        };
        if (t.LastStatus != "RUNNING") task.Remove("startedAt");
        return task;
    }

    private static JsonObject Detail(string name, string value) => new() { ["name"] = name, ["value"] = value };

    /// <summary>CloudFormation's PascalCase LoadBalancers entries in ECS's camelCase.</summary>
    private static JsonArray Camel(JsonArray items) => new(items.Select(i => i is JsonObject o
        ? (JsonNode?)new JsonObject(o.Select(kv => KeyValuePair.Create(char.ToLowerInvariant(kv.Key[0]) + kv.Key[1..], kv.Value?.DeepClone())))
        : null).ToArray());
}
