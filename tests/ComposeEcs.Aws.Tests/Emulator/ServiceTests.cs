using System.Net;
using System.Text.Json.Nodes;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Aws.Tests.Emulator;

public sealed class ServiceTests : IAsyncLifetime
{
    private FakeAwsServer _server = null!;
    private EmulatorClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeAwsServer.StartAsync(new FakeAwsOptions { ResourceDelay = TimeSpan.FromMilliseconds(1) });
        _client = new EmulatorClient(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private Task DeployApp(int desiredCount = 3) => new StackDriver(_client).Deploy("demo", Templates.App(desiredCount).ToJsonString(), "CREATE",
        ("Parameters.member.1.ParameterKey", "DbPassword"), ("Parameters.member.1.ParameterValue", "pw"));

    private async Task<List<string>> AllPages(string service, string action, JsonObject request, string list)
    {
        var items = new List<string>();
        while (true)
        {
            var page = await _client.JsonOk(service, action, (JsonObject)request.DeepClone());
            items.AddRange(page[list]!.AsArray().Select(x => x is JsonObject o ? o["message"]!.GetValue<string>() : x!.GetValue<string>()));
            if (page["nextToken"]?.GetValue<string>() is not { } token) return items;
            request["nextToken"] = token;
        }
    }

    [Fact]
    public async Task Ecs_services_and_running_tasks_follow_the_stack()
    {
        await DeployApp(desiredCount: 3);

        var clusters = await _client.JsonOk("ecs", "DescribeClusters", new JsonObject { ["clusters"] = new JsonArray("demo") });
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:cluster/demo", clusters["clusters"]![0]!["clusterArn"]!.GetValue<string>());
        var services = await AllPages("ecs", "ListServices", new JsonObject { ["cluster"] = "demo" }, "serviceArns");
        Assert.Equal(["arn:aws:ecs:us-east-1:123456789012:service/demo/web"], services);
        var tasks = await AllPages("ecs", "ListTasks", new JsonObject { ["cluster"] = "demo", ["serviceName"] = "web" }, "taskArns");
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Matches("^arn:aws:ecs:us-east-1:123456789012:task/demo/[0-9a-f]{32}$", t));

        var described = await _client.JsonOk("ecs", "DescribeTasks", new JsonObject
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

        var described = await _client.JsonOk("ecs", "DescribeServices", new JsonObject { ["cluster"] = "demo", ["services"] = new JsonArray("web", "db") });
        Assert.Single(described["services"]!.AsArray());
        Assert.Equal("MISSING", described["failures"]![0]!["reason"]!.GetValue<string>());

        var (status, error, response) = await _client.Json("ecs", "ListServices", new JsonObject { ["cluster"] = "nope" });
        response.Dispose();
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ClusterNotFoundException", error["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Logs_filter_events_by_stream_prefix_and_time_across_pages()
    {
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        _server.PutLogEvents("/docker-compose/demo", "demo/web/task1", (t0, "web 1"), (t0.AddSeconds(2), "web 2"), (t0.AddSeconds(4), "web 3"));
        _server.PutLogEvents("/docker-compose/demo", "demo/db/task2", (t0.AddSeconds(1), "db 1"));

        var all = await AllPages("logs", "FilterLogEvents", new JsonObject { ["logGroupName"] = "/docker-compose/demo" }, "events");
        Assert.Equal(["web 1", "db 1", "web 2", "web 3"], all);
        var web = await AllPages("logs", "FilterLogEvents", new JsonObject
        {
            ["logGroupName"] = "/docker-compose/demo", ["logStreamNamePrefix"] = "demo/web/", ["startTime"] = t0.AddSeconds(1).ToUnixTimeMilliseconds(),
        }, "events");
        Assert.Equal(["web 2", "web 3"], web);
        var db = await AllPages("logs", "FilterLogEvents", new JsonObject
        {
            ["logGroupName"] = "/docker-compose/demo", ["logStreamNames"] = new JsonArray("demo/db/task2"),
        }, "events");
        Assert.Equal(["db 1"], db);
    }

    [Fact]
    public async Task Logs_get_events_pages_forward_until_the_token_repeats()
    {
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-1);
        _server.PutLogEvents("g", "s", (t0, "a"), (t0.AddSeconds(1), "b"), (t0.AddSeconds(2), "c"));

        var messages = new List<string>();
        var request = new JsonObject { ["logGroupName"] = "g", ["logStreamName"] = "s", ["startFromHead"] = true };
        string? previous = null;
        while (true)
        {
            var page = await _client.JsonOk("logs", "GetLogEvents", (JsonObject)request.DeepClone());
            messages.AddRange(page["events"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()));
            var token = page["nextForwardToken"]!.GetValue<string>();
            if (token == previous) break;
            previous = token;
            request["nextToken"] = token;
        }
        Assert.Equal(["a", "b", "c"], messages);
    }

    [Fact]
    public async Task Logs_of_an_unknown_group_are_ResourceNotFound()
    {
        var (status, error, response) = await _client.Json("logs", "FilterLogEvents", new JsonObject { ["logGroupName"] = "nope" });
        response.Dispose();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ResourceNotFoundException", error["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ec2_has_a_default_vpc_with_three_default_subnets_paged()
    {
        var vpcs = await _client.Ok("ec2", "DescribeVpcs", ("Filter.1.Name", "isDefault"), ("Filter.1.Value.1", "true"));
        Assert.Equal("vpc-0default", vpcs.Find("vpcSet")!.Find("vpcId")!.Value);
        Assert.Equal("http://ec2.amazonaws.com/doc/2016-11-15/", vpcs.Name.NamespaceName);

        var subnets = new List<string>();
        string? token = null;
        do
        {
            var page = await _client.Ok("ec2", "DescribeSubnets",
                [("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", "vpc-0default"), ("Filter.2.Name", "default-for-az"), ("Filter.2.Value.1", "true"),
                 .. token is null ? Array.Empty<(string, string)>() : [("NextToken", token)]]);
            subnets.AddRange(page.All("item").Select(i => $"{i.Child("subnetId")} {i.Child("availabilityZone")}"));
            token = page.Child("nextToken");
        } while (token is not null);
        Assert.Equal(["subnet-0default1a us-east-1a", "subnet-0default1b us-east-1b", "subnet-0default1c us-east-1c"], subnets);
    }

    [Fact]
    public async Task Ec2_without_a_default_vpc_returns_nothing_and_errors_in_ec2_format()
    {
        await using var server = await FakeAwsServer.StartAsync(new FakeAwsOptions { HasDefaultVpc = false });
        using var client = new EmulatorClient(server);

        var vpcs = await client.Ok("ec2", "DescribeVpcs", ("Filter.1.Name", "isDefault"), ("Filter.1.Value.1", "true"));
        Assert.Empty(vpcs.Find("vpcSet")!.Elements());
        var (status, error) = await client.Query("ec2", "DescribeVpcs", ("VpcId.1", "vpc-0default"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Response", error.Name.LocalName);
        Assert.Equal("InvalidVpcID.NotFound", error.Find("Errors")!.Find("Error")!.Child("Code"));
    }

    [Fact]
    public async Task Secrets_manager_creates_lists_and_deletes_secrets()
    {
        var created = await _client.JsonOk("secretsmanager", "CreateSecret", new JsonObject { ["Name"] = "demo/a", ["SecretString"] = "1" });
        Assert.StartsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:demo/a-", created["ARN"]!.GetValue<string>());
        var (dupStatus, dup, r1) = await _client.Json("secretsmanager", "CreateSecret", new JsonObject { ["Name"] = "demo/a", ["SecretString"] = "2" });
        r1.Dispose();
        Assert.Equal((HttpStatusCode.BadRequest, "ResourceExistsException"), (dupStatus, dup["__type"]!.GetValue<string>()));

        await _client.JsonOk("secretsmanager", "PutSecretValue", new JsonObject { ["SecretId"] = "demo/a", ["SecretString"] = "3" });
        await _client.JsonOk("secretsmanager", "CreateSecret", new JsonObject { ["Name"] = "demo/b", ["SecretString"] = "x" });
        await _client.JsonOk("secretsmanager", "CreateSecret", new JsonObject { ["Name"] = "demo/c", ["SecretString"] = "y" });
        Assert.Equal("3", _server.Secrets.Single(s => s.Name == "demo/a").SecretString);

        var first = await _client.JsonOk("secretsmanager", "ListSecrets", new JsonObject());
        Assert.Equal(2, first["SecretList"]!.AsArray().Count);
        var second = await _client.JsonOk("secretsmanager", "ListSecrets", new JsonObject { ["NextToken"] = first["NextToken"]!.GetValue<string>() });
        Assert.Single(second["SecretList"]!.AsArray());
        Assert.Null(second["NextToken"]);

        await _client.JsonOk("secretsmanager", "DeleteSecret", new JsonObject { ["SecretId"] = created["ARN"]!.GetValue<string>(), ["ForceDeleteWithoutRecovery"] = true });
        var (status, missing, r2) = await _client.Json("secretsmanager", "DescribeSecret", new JsonObject { ["SecretId"] = "demo/a" });
        r2.Dispose();
        Assert.Equal((HttpStatusCode.BadRequest, "ResourceNotFoundException"), (status, missing["__type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Load_balancers_and_listeners_come_from_the_stack()
    {
        await DeployApp();

        var lbs = await _client.Ok("elasticloadbalancing", "DescribeLoadBalancers", ("Names.member.1", "demo-lb"));
        var lb = lbs.Members("LoadBalancers").Single();
        Assert.Matches(@"^demo-lb-\d+\.us-east-1\.elb\.amazonaws\.com$", lb.Child("DNSName"));
        var listeners = await _client.Ok("elasticloadbalancing", "DescribeListeners", ("LoadBalancerArn", lb.Child("LoadBalancerArn")!));
        var listener = listeners.Members("Listeners").Single();
        Assert.Equal(("80", "HTTP"), (listener.Child("Port"), listener.Child("Protocol")));
        Assert.Contains(":targetgroup/", listener.Value("TargetGroupArn"));

        var (status, error) = await _client.Query("elasticloadbalancing", "DescribeLoadBalancers", ("Names.member.1", "other"));
        Assert.Equal((HttpStatusCode.BadRequest, "LoadBalancerNotFound"), (status, error.Value("Code")));
    }

    [Fact]
    public async Task Ssm_knows_the_ecs_gpu_ami_parameter()
    {
        var result = await _client.JsonOk("ssm", "GetParameter", new JsonObject { ["Name"] = "/aws/service/ecs/optimized-ami/amazon-linux-2/gpu/recommended/image_id" });
        Assert.StartsWith("ami-", result["Parameter"]!["Value"]!.GetValue<string>());

        var (status, error, response) = await _client.Json("ssm", "GetParameter", new JsonObject { ["Name"] = "/nope" });
        response.Dispose();
        Assert.Equal((HttpStatusCode.BadRequest, "ParameterNotFound"), (status, error["__type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Clusters_outside_stacks_can_be_added()
    {
        _server.AddCluster("shared");

        var clusters = await _client.JsonOk("ecs", "DescribeClusters", new JsonObject { ["clusters"] = new JsonArray("shared", "ghost") });

        Assert.Equal("shared", clusters["clusters"]![0]!["clusterName"]!.GetValue<string>());
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:cluster/ghost", clusters["failures"]![0]!["arn"]!.GetValue<string>());
        Assert.Empty(await AllPages("ecs", "ListServices", new JsonObject { ["cluster"] = "shared" }, "serviceArns"));
    }

    [Fact]
    public async Task Tests_can_hold_tasks_pending_and_unhealthy()
    {
        await DeployApp(desiredCount: 3);
        _server.SetRunningTasks("web", 1);
        _server.SetTaskHealth("web", "UNHEALTHY");

        var service = (await _client.JsonOk("ecs", "DescribeServices", new JsonObject { ["cluster"] = "demo", ["services"] = new JsonArray("web") }))["services"]![0]!;
        Assert.Equal((3, 1, 2), (service["desiredCount"]!.GetValue<int>(), service["runningCount"]!.GetValue<int>(), service["pendingCount"]!.GetValue<int>()));
        Assert.Equal("IN_PROGRESS", service["deployments"]![0]!["rolloutState"]!.GetValue<string>());
        var arns = await AllPages("ecs", "ListTasks", new JsonObject { ["cluster"] = "demo", ["serviceName"] = "web" }, "taskArns");
        var tasks = (await _client.JsonOk("ecs", "DescribeTasks", new JsonObject
        {
            ["cluster"] = "demo", ["tasks"] = new JsonArray(arns.Select(a => (JsonNode?)a).ToArray()),
        }))["tasks"]!.AsArray();
        Assert.Equal(["PENDING", "PENDING", "RUNNING"], tasks.Select(t => t!["lastStatus"]!.GetValue<string>()).Order());
        Assert.All(tasks, t => Assert.Equal("UNHEALTHY", t!["healthStatus"]!.GetValue<string>()));
        Assert.Single(tasks, t => t!["startedAt"] is not null);
    }

    [Fact]
    public async Task Secrets_are_filtered_by_tag_and_name_prefix()
    {
        var tags = new JsonArray(new JsonObject { ["Key"] = "com.docker.compose.project", ["Value"] = "demo" });
        await _client.JsonOk("secretsmanager", "CreateSecret", new JsonObject { ["Name"] = "demo/db", ["SecretString"] = "1", ["Tags"] = tags });
        await _client.JsonOk("secretsmanager", "CreateSecret", new JsonObject { ["Name"] = "other/db", ["SecretString"] = "2" });

        var byTag = await _client.JsonOk("secretsmanager", "ListSecrets", new JsonObject
        {
            ["Filters"] = new JsonArray(new JsonObject { ["Key"] = "tag-value", ["Values"] = new JsonArray("demo") }),
        });
        var byName = await _client.JsonOk("secretsmanager", "ListSecrets", new JsonObject
        {
            ["Filters"] = new JsonArray(new JsonObject { ["Key"] = "name", ["Values"] = new JsonArray("other/") }),
        });

        Assert.Equal("demo/db", byTag["SecretList"]!.AsArray().Single()!["Name"]!.GetValue<string>());
        Assert.Equal("other/db", byName["SecretList"]!.AsArray().Single()!["Name"]!.GetValue<string>());
    }
}
