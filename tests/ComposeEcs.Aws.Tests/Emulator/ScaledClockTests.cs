using ComposeEcs.FakeAws;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>The emulator's scaled clock (modeled resource times × a factor) and the hold tests use instead of sleeping.</summary>
public sealed class ScaledClockTests : EmulatorTest
{
    // 1/100: the 45 s namespace takes 450 ms, the 2 s log groups 20 ms; orderings below have hundreds of ms to spare.
    protected override FakeAwsOptions Options => new() { ResourceDelay = TimeSpan.FromMilliseconds(2), TimeScale = 0.01 };

    private const string SlowAndQuick = """
        {"Resources": {
          "Namespace": {"Type": "AWS::ServiceDiscovery::PrivateDnsNamespace", "Properties": {"Name": "demo.local", "Vpc": "vpc-1"}},
          "Quick": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "quick"}},
          "AfterQuick": {"Type": "AWS::Logs::LogGroup", "DependsOn": "Quick", "Properties": {"LogGroupName": "after-quick"}}
        }}
        """;

    [Fact]
    public async Task A_resource_starts_when_what_it_depends_on_is_done_not_when_a_slow_neighbour_is()
    {
        await Cfn.Deploy("demo", SlowAndQuick);

        var timeline = (await Cfn.Timeline("demo")).Select(e => (e.Id, e.Status)).ToList();
        Assert.True(timeline.IndexOf(("AfterQuick", "CREATE_COMPLETE")) < timeline.IndexOf(("Namespace", "CREATE_COMPLETE")), string.Join("\n", timeline));
        Assert.True(timeline.IndexOf(("Quick", "CREATE_COMPLETE")) < timeline.IndexOf(("AfterQuick", "CREATE_IN_PROGRESS")));
    }

    [Fact]
    public async Task Deletion_takes_the_modeled_delete_times_dependents_first()
    {
        await Cfn.Deploy("demo", SlowAndQuick);
        var before = (await Cfn.Timeline("demo")).Count;

        await Client.Ok("cloudformation", "DeleteStack", ("StackName", "demo"));
        await Server.WaitForStackAsync("demo");

        var stackId = Server.Stacks.First(s => s.StackName == "demo").StackId;
        var deletion = (await Cfn.Timeline(stackId)).Skip(before).Select(e => (e.Id, e.Status)).ToList();
        Assert.True(deletion.IndexOf(("AfterQuick", "DELETE_COMPLETE")) < deletion.IndexOf(("Quick", "DELETE_IN_PROGRESS")), string.Join("\n", deletion));
        Assert.Equal(("Namespace", "DELETE_COMPLETE"), deletion.Last(e => e.Id != "demo"));
    }

    [Fact]
    public async Task While_held_no_change_set_gets_ready_or_no_resource_finishes()
    {
        var hold = Server.HoldChangeSets();
        var created = await Cfn.CreateChangeSet("demo", SlowAndQuick, "CREATE");
        await Task.Yield();
        var pending = await Client.Ok("cloudformation", "DescribeChangeSet", ("ChangeSetName", created.Child("Id")!));
        Assert.Equal("UNAVAILABLE", pending.Child("ExecutionStatus"));
        hold.Release();
        await Cfn.WaitForChangeSet(created.Child("Id")!);

        using (Server.HoldResources())
        {
            await Client.Ok("cloudformation", "ExecuteChangeSet", ("ChangeSetName", created.Child("Id")!));
            await Server.WaitForStackEventAsync("demo", e => e.LogicalResourceId == "Namespace" && e.ResourceStatus == "CREATE_IN_PROGRESS");
            Assert.Equal("CREATE_IN_PROGRESS", Server.Stack("demo")!.Status);
            Assert.DoesNotContain(Server.Stack("demo")!.Events, e => e.ResourceStatus == "CREATE_COMPLETE");
        }

        await Server.WaitForStackStatusAsync("demo", "CREATE_COMPLETE");
    }
}
