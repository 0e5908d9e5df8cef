using System.Net;
using System.Text.Json.Nodes;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>ECS and ELBv2 as the deployed stacks imply them.</summary>
public sealed class EcsAndElbTests : EmulatorTest
{
    [Fact]
    public async Task Ecs_services_and_running_tasks_follow_the_stack()
    {
        await DeployApp(desiredCount: 3);

        var clusters = await Client.JsonOk("ecs", "DescribeClusters", new JsonObject { ["clusters"] = new JsonArray("demo") });
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:cluster/demo", clusters["clusters"]![0]!["clusterArn"]!.GetValue<string>());
        var services = await AllPages("ecs", "ListServices", new JsonObject { ["cluster"] = "demo" }, "serviceArns");
        Assert.Equal(["arn:aws:ecs:us-east-1:123456789012:service/demo/web"], services);
        var tasks = await AllPages("ecs", "ListTasks", new JsonObject { ["cluster"] = "demo", ["serviceName"] = "web" }, "taskArns");
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Matches("^arn:aws:ecs:us-east-1:123456789012:task/demo/[0-9a-f]{32}$", t));

        var described = await Client.JsonOk("ecs", "DescribeTasks", new JsonObject
        {
            ["cluster"] = "arn:aws:ecs:us-east-1:123456789012:cluster/demo", ["tasks"] = new JsonArray(tasks.Select(t => (JsonNode?)t).ToArray()),
        });
        var task = described["tasks"]![0]!;
        Assert.Equal("service:web", task["group"]!.GetValue<string>());
        Assert.Equal("RUNNING", task["lastStatus"]!.GetValue<string>());
        Assert.Equal("HEALTHY", task["healthStatus"]!.GetValue<string>());
        Assert.EndsWith("task-definition/demo-web:1", task["taskDefinitionArn"]!.GetValue<string>());
        Assert.Contains(task["attachments"]![0]!["details"]!.AsArray(), d => d!["name"]!.GetValue<string>() == "privateIPv4Address");
        Assert.Equal("web", task["containers"]![0]!["name"]!.GetValue<string>());
        var again = await AllPages("ecs", "ListTasks", new JsonObject { ["cluster"] = "demo" }, "taskArns");
        Assert.Equal(tasks, again);
    }

    [Fact]
    public async Task Ecs_reports_missing_services_as_failures_and_missing_clusters_as_errors()
    {
        await DeployApp();

        var described = await Client.JsonOk("ecs", "DescribeServices", new JsonObject { ["cluster"] = "demo", ["services"] = new JsonArray("web", "db") });
        Assert.Single(described["services"]!.AsArray());
        Assert.Equal("MISSING", described["failures"]![0]!["reason"]!.GetValue<string>());

        var (status, error, response) = await Client.Json("ecs", "ListServices", new JsonObject { ["cluster"] = "nope" });
        response.Dispose();
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ClusterNotFoundException", error["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Load_balancers_and_listeners_come_from_the_stack()
    {
        await DeployApp();

        var lbs = await Client.Ok("elasticloadbalancing", "DescribeLoadBalancers", ("Names.member.1", "demo-lb"));
        var lb = lbs.Members("LoadBalancers").Single();
        Assert.Matches(@"^demo-lb-\d+\.us-east-1\.elb\.amazonaws\.com$", lb.Child("DNSName"));
        var listeners = await Client.Ok("elasticloadbalancing", "DescribeListeners", ("LoadBalancerArn", lb.Child("LoadBalancerArn")!));
        var listener = listeners.Members("Listeners").Single();
        Assert.Equal(("80", "HTTP"), (listener.Child("Port"), listener.Child("Protocol")));
        Assert.Contains(":targetgroup/", listener.Value("TargetGroupArn"));

        var (status, error) = await Client.Query("elasticloadbalancing", "DescribeLoadBalancers", ("Names.member.1", "other"));
        Assert.Equal((HttpStatusCode.BadRequest, "LoadBalancerNotFound"), (status, error.Value("Code")));
    }

    [Fact]
    public async Task Clusters_outside_stacks_can_be_added()
    {
        Server.AddCluster("shared");

        var clusters = await Client.JsonOk("ecs", "DescribeClusters", new JsonObject { ["clusters"] = new JsonArray("shared", "ghost") });

        Assert.Equal("shared", clusters["clusters"]![0]!["clusterName"]!.GetValue<string>());
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:cluster/ghost", clusters["failures"]![0]!["arn"]!.GetValue<string>());
        Assert.Empty(await AllPages("ecs", "ListServices", new JsonObject { ["cluster"] = "shared" }, "serviceArns"));
    }

    [Fact]
    public async Task Tests_can_hold_tasks_pending_and_unhealthy()
    {
        await DeployApp(desiredCount: 3);
        Server.SetRunningTasks("web", 1);
        Server.SetTaskHealth("web", "UNHEALTHY");

        var service = (await Client.JsonOk("ecs", "DescribeServices", new JsonObject { ["cluster"] = "demo", ["services"] = new JsonArray("web") }))["services"]![0]!;
        Assert.Equal((3, 1, 2), (service["desiredCount"]!.GetValue<int>(), service["runningCount"]!.GetValue<int>(), service["pendingCount"]!.GetValue<int>()));
        Assert.Equal("IN_PROGRESS", service["deployments"]![0]!["rolloutState"]!.GetValue<string>());
        var arns = await AllPages("ecs", "ListTasks", new JsonObject { ["cluster"] = "demo", ["serviceName"] = "web" }, "taskArns");
        var tasks = (await Client.JsonOk("ecs", "DescribeTasks", new JsonObject
        {
            ["cluster"] = "demo", ["tasks"] = new JsonArray(arns.Select(a => (JsonNode?)a).ToArray()),
        }))["tasks"]!.AsArray();
        Assert.Equal(["PENDING", "PENDING", "RUNNING"], tasks.Select(t => t!["lastStatus"]!.GetValue<string>()).Order());
        Assert.All(tasks, t => Assert.Equal("UNHEALTHY", t!["healthStatus"]!.GetValue<string>()));
        Assert.Single(tasks, t => t!["startedAt"] is not null);
    }
}
