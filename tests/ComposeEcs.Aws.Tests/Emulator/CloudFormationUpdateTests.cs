using System.Net;
using System.Text.Json.Nodes;
using static ComposeEcs.Aws.Tests.Emulator.Templates;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>Change sets against an existing stack, updates and their rollback.</summary>
public sealed class CloudFormationUpdateTests : EmulatorTest
{
    [Fact]
    public async Task Change_set_without_changes_fails_with_the_aws_reason()
    {
        await Cfn.Deploy("demo", App().ToJsonString(), "CREATE", Password);

        var created = await Cfn.CreateChangeSet("demo", App().ToJsonString(), "UPDATE", PreviousPassword);
        var changeSet = await Cfn.WaitForChangeSet(created.Child("Id")!);

        Assert.Equal("FAILED", changeSet.Child("Status"));
        Assert.Equal("UNAVAILABLE", changeSet.Child("ExecutionStatus"));
        Assert.Equal("The submitted information didn't contain changes. Submit different information to create a change set.", changeSet.Child("StatusReason"));
        var (status, error) = await Client.Query("cloudformation", "ExecuteChangeSet", ("ChangeSetName", created.Child("Id")!));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidChangeSetStatus", error.Value("Code"));
    }

    [Fact]
    public async Task Template_change_gives_Modify_changes_and_the_update_completes()
    {
        await Cfn.Deploy("demo", App().ToJsonString(), "CREATE", Password);

        var created = await Cfn.CreateChangeSet("demo", App(desiredCount: 3, image: "nginx:1.28").ToJsonString(), "UPDATE", PreviousPassword);
        var changeSet = await Cfn.WaitForChangeSet(created.Child("Id")!);
        var changes = changeSet.All("ResourceChange").ToDictionary(c => c.Child("LogicalResourceId")!);

        Assert.Equal(["WebService", "WebTaskDefinition"], changes.Keys.Order());
        Assert.Equal(("Modify", "False"), (changes["WebService"].Child("Action"), changes["WebService"].Child("Replacement")));
        Assert.Equal(("Modify", "True"), (changes["WebTaskDefinition"].Child("Action"), changes["WebTaskDefinition"].Child("Replacement")));
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/demo/web", changes["WebService"].Child("PhysicalResourceId"));

        await Client.Ok("cloudformation", "ExecuteChangeSet", ("ChangeSetName", created.Child("Id")!));
        var stack = await Cfn.WaitForStack("demo");
        Assert.Equal("UPDATE_COMPLETE", stack.Child("StackStatus"));
        Assert.NotNull(stack.Child("LastUpdatedTime"));
        var timeline = await Cfn.Timeline("demo");
        Assert.Contains(("WebService", "UPDATE_COMPLETE", null), timeline);
        Assert.Contains(timeline, e => e.Id == "demo" && e.Status == "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");
        var taskDefinition = Server.Stack("demo")!.Resources.Single(r => r.LogicalId == "WebTaskDefinition");
        Assert.EndsWith("demo-web:2", taskDefinition.PhysicalId);
    }

    [Fact]
    public async Task Removed_resources_are_deleted_on_update()
    {
        var cluster = ("Cluster", Resource("AWS::ECS::Cluster", []));
        var logs = ("Logs", Resource("AWS::Logs::LogGroup", []));
        await Cfn.Deploy("small", Minimal(cluster, logs).ToJsonString());

        var stack = await Cfn.Deploy("small", Minimal(cluster).ToJsonString(), "UPDATE");

        Assert.Equal("UPDATE_COMPLETE", stack.Child("StackStatus"));
        Assert.Contains(("Logs", "DELETE_COMPLETE", null), await Cfn.Timeline("small"));
        Assert.DoesNotContain(Server.Stack("small")!.Resources, r => r.LogicalId == "Logs");
    }

    [Fact]
    public async Task Failing_update_rolls_back_to_UPDATE_ROLLBACK_COMPLETE_and_restores_the_template()
    {
        await Cfn.Deploy("demo", App().ToJsonString(), "CREATE", Password);
        Server.FailResource("WebService", "Resource handler returned message: \"Invalid request: service web is draining\"");

        var stack = await Cfn.Deploy("demo", App(desiredCount: 5).ToJsonString(), "UPDATE", PreviousPassword);

        Assert.Equal("UPDATE_ROLLBACK_COMPLETE", stack.Child("StackStatus"));
        var timeline = await Cfn.Timeline("demo");
        Assert.Contains(timeline, e => e.Id == "WebService" && e.Status == "UPDATE_FAILED" && e.Reason!.Contains("draining"));
        Assert.Contains(timeline, e => e.Id == "demo" && e.Status == "UPDATE_ROLLBACK_IN_PROGRESS");
        Assert.Equal("UPDATE_COMPLETE", timeline.Last(e => e.Id == "WebService").Status);
        var template = (await Client.Ok("cloudformation", "GetTemplate", ("StackName", "demo"))).Child("TemplateBody")!;
        Assert.Equal(2, JsonNode.Parse(template)!["Resources"]!["WebService"]!["Properties"]!["DesiredCount"]!.GetValue<int>());
        var services = await Client.JsonOk("ecs", "DescribeServices", new JsonObject { ["cluster"] = "demo", ["services"] = new JsonArray("web") });
        Assert.Equal(2, services["services"]![0]!["desiredCount"]!.GetValue<int>());

        Server.ClearFailResource("WebService");
        var retried = await Cfn.Deploy("demo", App(desiredCount: 5).ToJsonString(), "UPDATE", PreviousPassword);
        Assert.Equal("UPDATE_COMPLETE", retried.Child("StackStatus"));
    }

    [Fact]
    public async Task Replacing_a_resource_modifies_its_referrers_dynamically()
    {
        await Cfn.Deploy("demo", App().ToJsonString(), "CREATE", Password);

        var created = await Cfn.CreateChangeSet("demo", App(image: "nginx:1.28").ToJsonString(), "UPDATE", PreviousPassword);
        var changeSet = await Cfn.WaitForChangeSet(created.Child("Id")!);

        var service = changeSet.All("ResourceChange").Single(c => c.Child("LogicalResourceId") == "WebService");
        Assert.Equal(("Modify", "False"), (service.Child("Action"), service.Child("Replacement")));
        var detail = service.Members("Details").Single();
        Assert.Equal(("Dynamic", "ResourceReference", "WebTaskDefinition"), (detail.Child("Evaluation"), detail.Child("ChangeSource"), detail.Child("CausingEntity")));
        Assert.Equal("TaskDefinition", detail.Value("Name"));

        await Client.Ok("cloudformation", "ExecuteChangeSet", ("ChangeSetName", created.Child("Id")!), ("ClientRequestToken", "up-2"));
        Assert.Equal("UPDATE_COMPLETE", (await Cfn.WaitForStack("demo")).Child("StackStatus"));
        var services = await Client.JsonOk("ecs", "DescribeServices", new JsonObject { ["cluster"] = "demo", ["services"] = new JsonArray("web") });
        Assert.EndsWith("task-definition/demo-web:2", services["services"]![0]!["taskDefinition"]!.GetValue<string>());
        var events = await Cfn.Events("demo");
        Assert.Equal("up-2", events.First().Child("ClientRequestToken"));
        Assert.Contains(events, e => e.Child("LogicalResourceId") == "WebTaskDefinition" && e.Child("ResourceStatus") == "DELETE_COMPLETE"
            && e.Child("PhysicalResourceId")!.EndsWith("demo-web:1"));
    }

    [Fact]
    public async Task Replacement_follows_the_resource_type()
    {
        var listener = (int port) => Minimal(
            ("Lb", Resource("AWS::ElasticLoadBalancingV2::LoadBalancer", [])),
            ("Tg", Resource("AWS::ElasticLoadBalancingV2::TargetGroup", new JsonObject { ["Port"] = port })),
            ("Listener", Resource("AWS::ElasticLoadBalancingV2::Listener", new JsonObject { ["LoadBalancerArn"] = Ref("Lb"), ["Port"] = port })));
        await Cfn.Deploy("lb", listener(80).ToJsonString());

        var created = await Cfn.CreateChangeSet("lb", listener(8080).ToJsonString(), "UPDATE");
        var changes = (await Cfn.WaitForChangeSet(created.Child("Id")!)).All("ResourceChange")
            .ToDictionary(c => c.Child("LogicalResourceId")!, c => c.Child("Replacement"));

        Assert.Equal("False", changes["Listener"]);
        Assert.Equal("True", changes["Tg"]);
        Assert.DoesNotContain("Lb", changes.Keys);
    }
}
