using System.Net;
using System.Text.Json.Nodes;
using ComposeEcs.FakeAws;
using static ComposeEcs.Aws.Tests.Emulator.Templates;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>Creating, describing and deleting stacks.</summary>
public sealed class CloudFormationStackTests : EmulatorTest
{
    [Fact]
    public async Task Stack_from_a_json_template_reaches_CREATE_COMPLETE_with_events_in_dependency_order()
    {
        var stack = await Cfn.Deploy("demo", App().ToJsonString(), "CREATE", Password);

        Assert.Equal("CREATE_COMPLETE", stack.Child("StackStatus"));
        var timeline = await Cfn.Timeline("demo");
        Assert.Equal(("demo", "REVIEW_IN_PROGRESS"), (timeline[0].Id, timeline[0].Status));
        Assert.Equal(("demo", "CREATE_IN_PROGRESS"), (timeline[1].Id, timeline[1].Status));
        Assert.Equal(("demo", "CREATE_COMPLETE"), (timeline[^1].Id, timeline[^1].Status));
        int Index(string id, string status) => timeline.FindIndex(e => e.Id == id && e.Status == status);
        foreach (var (dependency, dependent) in new[]
        {
            ("WebTaskExecutionRole", "WebTaskDefinition"), ("LogGroup", "WebTaskDefinition"), ("Cluster", "WebService"),
            ("WebTaskDefinition", "WebService"), ("WebTCP80Listener", "WebService"), ("LoadBalancer", "WebTCP80Listener"),
            ("WebTCP80TargetGroup", "WebTCP80Listener"), ("DefaultNetwork", "LoadBalancer"),
        })
            Assert.True(Index(dependency, "CREATE_COMPLETE") < Index(dependent, "CREATE_IN_PROGRESS"), $"{dependency} before {dependent}");
        Assert.Equal(10, timeline.Count(e => e.Status == "CREATE_COMPLETE" && e.Id != "demo"));
    }

    [Fact]
    public async Task Resources_get_plausible_physical_ids_and_outputs_resolve_attributes()
    {
        var stack = await Cfn.Deploy("demo", App().ToJsonString(), "CREATE", Password);

        var outputs = stack.Members("Outputs").ToDictionary(o => o.Child("OutputKey")!, o => o.Child("OutputValue")!);
        Assert.Matches(@"^demo-lb-\d+\.us-east-1\.elb\.amazonaws\.com$", outputs["LoadBalancerDns"]);
        Assert.Equal($"http://{outputs["LoadBalancerDns"]}:80/us-east-1", outputs["ServiceUrl"]);
        var resources = (await Client.Ok("cloudformation", "DescribeStackResources", ("StackName", "demo")))
            .Members("StackResources").ToDictionary(r => r.Child("LogicalResourceId")!, r => r.Child("PhysicalResourceId")!);
        Assert.Matches("^sg-[0-9a-f]{17}$", resources["DefaultNetwork"]);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/demo/web", resources["WebService"]);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:task-definition/demo-web:1", resources["WebTaskDefinition"]);
        Assert.Equal("/docker-compose/demo", resources["LogGroup"]);
        Assert.StartsWith("demo-WebTaskExecutionRole-", resources["WebTaskExecutionRole"]);
        Assert.Contains(Server.Secrets, s => s.Name == "demo/db-password" && s.SecretString == "s3cret");
    }

    [Fact]
    public async Task Create_change_set_puts_a_new_stack_in_REVIEW_IN_PROGRESS_and_reports_Add_changes()
    {
        var created = await Cfn.CreateChangeSet("demo", App().ToJsonString(), "CREATE", Password);
        var stack = (await Client.Ok("cloudformation", "DescribeStacks", ("StackName", "demo"))).Members("Stacks").Single();
        Assert.Equal("REVIEW_IN_PROGRESS", stack.Child("StackStatus"));

        var changeSet = await Cfn.WaitForChangeSet(created.Child("Id")!);
        Assert.Equal("AVAILABLE", changeSet.Child("ExecutionStatus"));
        var changes = new List<string>();
        var token = (string?)null;
        do
        {
            var page = await Client.Ok("cloudformation", "DescribeChangeSet",
                token is null ? [("ChangeSetName", created.Child("Id")!)] : [("ChangeSetName", created.Child("Id")!), ("NextToken", token)]);
            Assert.True(page.Members("Changes").Count() <= 2);
            changes.AddRange(page.All("ResourceChange").Select(c => $"{c.Child("Action")} {c.Child("LogicalResourceId")} {c.Child("ResourceType")}"));
            token = page.Child("NextToken");
        } while (token is not null);
        Assert.Equal(10, changes.Count);
        Assert.Contains("Add WebService AWS::ECS::Service", changes);
    }

    [Fact]
    public async Task A_second_listener_on_one_port_fails_with_DuplicateListener()
    {
        static JsonObject Listener(string protocol) => Resource("AWS::ElasticLoadBalancingV2::Listener", new JsonObject
        {
            ["LoadBalancerArn"] = Ref("Lb"), ["Port"] = 53, ["Protocol"] = protocol,
        });
        var template = Minimal(("Lb", Resource("AWS::ElasticLoadBalancingV2::LoadBalancer", [])),
            ("DnsTCP53Listener", Listener("TCP")), ("DnsUDP53Listener", Listener("UDP")));

        var stack = await Cfn.Deploy("demo", template.ToJsonString(), "CREATE");

        Assert.Equal("ROLLBACK_COMPLETE", stack.Child("StackStatus"));
        var timeline = await Cfn.Timeline("demo");
        Assert.Contains(timeline, e => e.Status == "CREATE_FAILED" && e.Reason!.Contains("Error Code: DuplicateListener", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failing_resource_rolls_the_create_back_to_ROLLBACK_COMPLETE()
    {
        Server.FailResource("WebTaskDefinition", "Invalid request provided: Create TaskDefinition: Container.image should not be null");

        var stack = await Cfn.Deploy("demo", App().ToJsonString(), "CREATE", Password);

        Assert.Equal("ROLLBACK_COMPLETE", stack.Child("StackStatus"));
        var timeline = await Cfn.Timeline("demo");
        Assert.Contains(("WebTaskDefinition", "CREATE_FAILED", "Invalid request provided: Create TaskDefinition: Container.image should not be null"), timeline);
        Assert.Contains(timeline, e => e.Id == "demo" && e.Status == "ROLLBACK_IN_PROGRESS" && e.Reason!.Contains("[WebTaskDefinition]"));
        Assert.Contains(("WebTaskExecutionRole", "DELETE_COMPLETE", null), timeline);
        Assert.DoesNotContain(timeline, e => e.Id == "WebService");
        Assert.Empty(stack.Members("Outputs"));

        var (status, error) = await Client.Query("cloudformation", "CreateChangeSet", ("StackName", "demo"), ("ChangeSetName", "again"),
            ("ChangeSetType", "UPDATE"), ("TemplateBody", App().ToJsonString()), ("Capabilities.member.1", "CAPABILITY_IAM"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationError", error.Value("Code"));
        Assert.Contains("is in ROLLBACK_COMPLETE state and can not be updated", error.Value("Message"));

        await Client.Ok("cloudformation", "DeleteStack", ("StackName", "demo"));
        await Server.WaitForStackAsync("demo");
        Assert.Null(Server.Stack("demo"));
    }

    [Fact]
    public async Task Retained_resources_survive_stack_deletion()
    {
        var template = Minimal(
            ("Files", new JsonObject { ["Type"] = "AWS::EFS::FileSystem", ["DeletionPolicy"] = "Retain", ["Properties"] = new JsonObject() }),
            ("Logs", Resource("AWS::Logs::LogGroup", [])));
        var stack = await Cfn.Deploy("vol", template.ToJsonString());
        var stackId = stack.Child("StackId")!;

        await Client.Ok("cloudformation", "DeleteStack", ("StackName", "vol"));
        await Server.WaitForStackAsync("vol");

        var deleted = (await Client.Ok("cloudformation", "DescribeStacks", ("StackName", stackId))).Members("Stacks").Single();
        Assert.Equal("DELETE_COMPLETE", deleted.Child("StackStatus"));
        var timeline = await Cfn.Timeline(stackId);
        Assert.Contains(("Files", "DELETE_SKIPPED", null), timeline);
        Assert.Contains(("Logs", "DELETE_COMPLETE", null), timeline);
        Assert.DoesNotContain(timeline, e => e.Id == "Files" && e.Status == "DELETE_COMPLETE");
        var (status, error) = await Client.Query("cloudformation", "DescribeStacks", ("StackName", "vol"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Stack with id vol does not exist", error.Value("Message"));
        var listed = await Client.Ok("cloudformation", "ListStacks", ("StackStatusFilter.member.1", "DELETE_COMPLETE"));
        Assert.Contains(listed.Members("StackSummaries"), s => s.Child("StackName") == "vol");
    }

    [Fact]
    public async Task Deleting_a_missing_stack_is_a_no_op()
    {
        var (status, _) = await Client.Query("cloudformation", "DeleteStack", ("StackName", "never-created"));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task NoEcho_parameters_are_masked_and_tags_are_kept()
    {
        var stack = await Cfn.Deploy("demo", App().ToJsonString(), "CREATE",
            [.. Password, ("Tags.member.1.Key", "com.docker.compose.project"), ("Tags.member.1.Value", "demo")]);

        var parameters = stack.Members("Parameters").ToDictionary(p => p.Child("ParameterKey")!, p => p.Child("ParameterValue")!);
        Assert.Equal("****", parameters["DbPassword"]);
        Assert.Equal("vpc-0default", parameters["VpcId"]);
        Assert.Equal(("com.docker.compose.project", "demo"), stack.Members("Tags").Select(t => (t.Child("Key"), t.Child("Value"))).Single());
        Assert.Equal("s3cret", Server.Stack("demo")!.Parameters["DbPassword"]);
    }

    [Fact]
    public async Task Stack_events_are_paged_newest_first()
    {
        await Cfn.Deploy("small", Minimal(("Cluster", Resource("AWS::ECS::Cluster", []))).ToJsonString());

        var first = await Client.Ok("cloudformation", "DescribeStackEvents", ("StackName", "small"));
        Assert.Equal(2, first.Members("StackEvents").Count());
        Assert.Equal("CREATE_COMPLETE", first.Members("StackEvents").First().Child("ResourceStatus"));
        Assert.NotNull(first.Child("NextToken"));
        var all = await Cfn.Events("small");
        Assert.Equal(6, all.Count);
        Assert.Contains(all, e => e.Child("ResourceStatusReason") == "Resource creation Initiated"
            && e.Child("PhysicalResourceId")!.StartsWith("small-Cluster-", StringComparison.Ordinal));
        var times = all.Select(e => DateTimeOffset.Parse(e.Child("Timestamp")!)).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task Yaml_templates_with_short_form_intrinsics_are_accepted()
    {
        const string yaml = """
            Resources:
              Cluster:
                Type: AWS::ECS::Cluster
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: !Sub "${AWS::StackName} group"
            Outputs:
              ClusterArn:
                Value: !GetAtt Cluster.Arn
            """;
        var stack = await Cfn.Deploy("yaml", yaml);

        Assert.Equal("CREATE_COMPLETE", stack.Child("StackStatus"));
        Assert.StartsWith("arn:aws:ecs:us-east-1:123456789012:cluster/yaml-Cluster-", stack.Members("Outputs").Single().Child("OutputValue"));
    }

    [Fact]
    public async Task Independent_resources_are_created_side_by_side()
    {
        await Cfn.Deploy("par", Minimal(("A", Resource("AWS::Logs::LogGroup", [])), ("B", Resource("AWS::Logs::LogGroup", [])),
            ("C", Resource("AWS::EC2::SecurityGroup", new JsonObject { ["GroupDescription"] = Ref("A") }))).ToJsonString());

        var timeline = (await Cfn.Timeline("par")).Where(e => e.Id != "par").Select(e => $"{e.Id} {e.Status}").ToList();
        Assert.True(timeline.IndexOf("B CREATE_IN_PROGRESS") < timeline.IndexOf("A CREATE_COMPLETE"), string.Join("\n", timeline));
        Assert.True(timeline.IndexOf("A CREATE_COMPLETE") < timeline.IndexOf("C CREATE_IN_PROGRESS"));
    }

    [Fact]
    public async Task Failed_deletion_leaves_DELETE_FAILED_and_a_retry_finishes_the_job()
    {
        var template = Minimal(
            ("Group", Resource("AWS::EC2::SecurityGroup", new JsonObject { ["GroupDescription"] = "g" })),
            ("Ingress", Resource("AWS::EC2::SecurityGroupIngress", new JsonObject { ["GroupId"] = Ref("Group") })),
            ("Logs", Resource("AWS::Logs::LogGroup", [])));
        await Cfn.Deploy("app", template.ToJsonString());
        Server.FailResourceDeletion("Group", "resource sg-123 has a dependent object");

        await Client.Ok("cloudformation", "DeleteStack", ("StackName", "app"));
        var failed = await Cfn.WaitForStack("app");

        Assert.Equal("DELETE_FAILED", failed.Child("StackStatus"));
        Assert.Equal("The following resource(s) failed to delete: [Group]. ", failed.Child("StackStatusReason"));
        var timeline = await Cfn.Timeline("app");
        Assert.Contains(("Group", "DELETE_FAILED", "resource sg-123 has a dependent object"), timeline);
        Assert.True(timeline.IndexOf(("Ingress", "DELETE_COMPLETE", null)) < timeline.FindIndex(e => e.Id == "Group" && e.Status == "DELETE_IN_PROGRESS"));
        Assert.Contains(("Logs", "DELETE_COMPLETE", null), timeline);

        Server.ClearFailResource("Group");
        await Client.Ok("cloudformation", "DeleteStack", ("StackName", "app"));
        await Server.WaitForStackAsync("app");
        Assert.Null(Server.Stack("app"));
    }

    [Fact]
    public async Task Conditions_decide_which_resources_exist_and_what_outputs_say()
    {
        var template = new JsonObject
        {
            ["Parameters"] = new JsonObject
            {
                ["Gpu"] = new JsonObject { ["Type"] = "String", ["Default"] = "false", ["AllowedValues"] = new JsonArray("true", "false") },
            },
            ["Conditions"] = new JsonObject
            {
                ["UseGpu"] = new JsonObject { ["Fn::Equals"] = new JsonArray(Ref("Gpu"), "true") },
            },
            ["Resources"] = new JsonObject
            {
                ["Cluster"] = Resource("AWS::ECS::Cluster", []),
                ["GpuTemplate"] = new JsonObject { ["Type"] = "AWS::EC2::LaunchTemplate", ["Condition"] = "UseGpu", ["Properties"] = new JsonObject() },
            },
            ["Outputs"] = new JsonObject
            {
                ["Mode"] = new JsonObject { ["Value"] = new JsonObject { ["Fn::If"] = new JsonArray("UseGpu", "gpu", "cpu") } },
            },
        };

        var stack = await Cfn.Deploy("cond", template.ToJsonString());

        Assert.Equal("cpu", stack.Members("Outputs").Single().Child("OutputValue"));
        Assert.DoesNotContain(Server.Stack("cond")!.Resources, r => r.LogicalId == "GpuTemplate");
        var gpu = await Cfn.Deploy("cond", template.ToJsonString(), "UPDATE", ("Parameters.member.1.ParameterKey", "Gpu"), ("Parameters.member.1.ParameterValue", "true"));
        Assert.Equal("gpu", gpu.Members("Outputs").Single().Child("OutputValue"));
        Assert.Contains(Server.Stack("cond")!.Resources, r => r.LogicalId == "GpuTemplate" && r.PhysicalId!.StartsWith("lt-", StringComparison.Ordinal));
        var (_, error) = await Client.Query("cloudformation", "CreateChangeSet", ("StackName", "cond"), ("ChangeSetName", "bad"), ("ChangeSetType", "UPDATE"),
            ("TemplateBody", template.ToJsonString()), ("Parameters.member.1.ParameterKey", "Gpu"), ("Parameters.member.1.ParameterValue", "maybe"));
        Assert.Equal("Parameter 'Gpu' must be one of AllowedValues", error.Value("Message"));
    }

    [Fact]
    public async Task A_seed_makes_generated_ids_repeatable()
    {
        async Task<(string StackId, string Group, string Task)> DeployOnce()
        {
            await using var server = await FakeAwsServer.StartAsync(new FakeAwsOptions { Seed = 7, ResourceDelay = TimeSpan.FromMilliseconds(1) });
            using var client = new EmulatorClient(server);
            var stack = await new StackDriver(client).Deploy("demo", App().ToJsonString(), "CREATE", Password);
            var tasks = await client.JsonOk("ecs", "ListTasks", new JsonObject { ["cluster"] = "demo" });
            return (stack.Child("StackId")!, server.Stack("demo")!.Resources.Single(r => r.LogicalId == "DefaultNetwork").PhysicalId!,
                tasks["taskArns"]![0]!.GetValue<string>());
        }

        var first = await DeployOnce();
        var second = await DeployOnce();

        Assert.Equal(first, second);
        Assert.Matches("^sg-[0-9a-f]{17}$", first.Group);
    }

    [Fact]
    public async Task Delete_during_creation_waits_for_it_and_deletes_once()
    {
        var created = await Cfn.CreateChangeSet("busy", Minimal(("Cluster", Resource("AWS::ECS::Cluster", []))).ToJsonString(), "CREATE");
        await Cfn.WaitForChangeSet(created.Child("Id")!);
        await Client.Ok("cloudformation", "ExecuteChangeSet", ("ChangeSetName", created.Child("Id")!));

        await Client.Ok("cloudformation", "DeleteStack", ("StackName", "busy"));
        await Client.Ok("cloudformation", "DeleteStack", ("StackName", "busy"));
        await Server.WaitForStackAsync("busy");

        var statuses = Server.Stacks.Single(s => s.StackName == "busy").Events.Where(e => e.LogicalResourceId == "busy").Select(e => e.ResourceStatus);
        Assert.Equal(["REVIEW_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE", "DELETE_IN_PROGRESS", "DELETE_COMPLETE"], statuses);
    }
}
