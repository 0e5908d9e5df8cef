using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Aws.Tests.Protocol;

/// <summary>Operations that change stacks, each test on its own emulator.</summary>
public sealed class StackLifecycleProtocolTests
{
    private const string Minimal = """{"Resources": {"Group": {"Type": "AWS::Logs::LogGroup", "Properties": {}}}}""";

    [Fact]
    public async Task Update_change_set_lists_every_change_across_pages_and_can_be_deleted()
    {
        await using var e = await EmulatedAws.StartAsync();
        await e.DeployAsync(DemoStack.Name, DemoStack.Template());
        var cf = e.Aws.CloudFormation;
        var update = DemoStack.Template(webReplicas: 5)
            .Replace("\"Port\": 9090", "\"Port\": 9091", StringComparison.Ordinal)
            .Replace("\"Resources\": {", "\"Resources\": { \"Extra\": { \"Type\": \"AWS::Logs::LogGroup\", \"Properties\": {} },", StringComparison.Ordinal);

        var created = await cf.CreateChangeSetAsync(new CreateChangeSetRequest(
            DemoStack.Name, "update-1", ChangeSetType.Update, update, DemoStack.Parameters, ["CAPABILITY_IAM"], []));
        var changeSet = await EmulatedAws.WaitAsync(() => cf.DescribeChangeSetAsync("update-1", DemoStack.Name), c => c.Status != "CREATE_PENDING" && c.Status != "CREATE_IN_PROGRESS");

        Assert.Equal(created.Id, changeSet.ChangeSetId);
        Assert.Equal("CREATE_COMPLETE", changeSet.Status);
        Assert.Equal("AVAILABLE", changeSet.ExecutionStatus);
        Assert.Contains(changeSet.Changes, c => c.LogicalResourceId == "WebService" && c.Action == "Modify");
        Assert.Contains(changeSet.Changes, c => c.LogicalResourceId == "Listener9090" && c.ResourceType == "AWS::ElasticLoadBalancingV2::Listener");
        Assert.Contains(changeSet.Changes, c => c.LogicalResourceId == "Extra" && c.Action == "Add");
        Assert.Equal(3, changeSet.Changes.Count); // more than one page of two
        Assert.Equal("****", changeSet.Parameters.Single(p => p.Key == "DbPassword").Value);

        await cf.DeleteChangeSetAsync("update-1", DemoStack.Name);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => cf.DescribeChangeSetAsync("update-1", DemoStack.Name));
        Assert.Equal("ChangeSetNotFound", error.Code);
    }

    [Fact]
    public async Task Executed_update_reaches_update_complete()
    {
        await using var e = await EmulatedAws.StartAsync();
        await e.DeployAsync(DemoStack.Name, DemoStack.Template());

        var stack = await e.DeployAsync(DemoStack.Name, DemoStack.Template(webReplicas: 4), type: ChangeSetType.Update);

        Assert.Equal("UPDATE_COMPLETE", stack.StackStatus);
        var web = (await e.Aws.Ecs.DescribeServicesAsync("demo", ["web"])).Items.Single();
        Assert.Equal(4, web.DesiredCount);
    }

    [Fact]
    public async Task A_failing_resource_rolls_the_stack_back_with_a_reason_in_the_events()
    {
        await using var e = await EmulatedAws.StartAsync();
        e.Server.FailResource("WebService", "Invalid request provided: the image does not exist");

        var stack = await e.DeployAsync(DemoStack.Name, DemoStack.Template());

        Assert.Equal("ROLLBACK_COMPLETE", stack.StackStatus);
        var events = await Protocols.Paging.CollectAsync(e.Aws.CloudFormation.DescribeStackEventsAsync(DemoStack.Name));
        Assert.Contains(events, ev => ev.LogicalResourceId == "WebService" && ev.ResourceStatus == "CREATE_FAILED"
            && ev.ResourceStatusReason!.Contains("image does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_stacks_follows_next_token_and_filters_by_status()
    {
        await using var e = await EmulatedAws.StartAsync();
        foreach (var name in new[] { "one", "two", "three" })
            await e.DeployAsync(name, Minimal, []);
        await e.Aws.CloudFormation.DeleteStackAsync("two");
        await EmulatedAws.WaitAsync(() => e.Aws.CloudFormation.FindStackAsync("two"), s => s is null);

        var live = await e.Aws.CloudFormation.ListStacksAsync(["CREATE_COMPLETE"]);
        var all = await e.Aws.CloudFormation.ListStacksAsync();

        Assert.Equal(["one", "three"], live.Select(s => s.StackName).Order());
        Assert.Contains(all, s => s.StackName == "two" && s.StackStatus == "DELETE_COMPLETE" && s.DeletionTime is not null);
        Assert.True(e.Server.Requests.Count(r => r.Action == "ListStacks") >= 3, "three stacks in pages of two is at least two requests per listing");
    }

    [Fact]
    public async Task Delete_stack_removes_it()
    {
        await using var e = await EmulatedAws.StartAsync();
        var created = await e.DeployAsync(DemoStack.Name, DemoStack.Template());

        await e.Aws.CloudFormation.DeleteStackAsync(DemoStack.Name);
        var deleted = await e.WaitForStackAsync(created.StackId);

        Assert.Equal("DELETE_COMPLETE", deleted.StackStatus);
        Assert.Null(await e.Aws.CloudFormation.FindStackAsync(DemoStack.Name));
    }

    [Fact]
    public async Task Create_change_set_sends_parameters_capabilities_and_tags_in_query_form()
    {
        await using var e = await EmulatedAws.StartAsync();

        await e.DeployAsync(DemoStack.Name, DemoStack.Template());

        var body = e.Server.Requests.First(r => r.Action == "CreateChangeSet").Body;
        Assert.Contains("Parameters.member.1.ParameterKey=DbPassword", body, StringComparison.Ordinal);
        Assert.Contains("Parameters.member.2.ParameterValue=nginx%3A1.27", body, StringComparison.Ordinal);
        Assert.Contains("Capabilities.member.2=CAPABILITY_NAMED_IAM", body, StringComparison.Ordinal);
        Assert.Contains("Tags.member.1.Key=com.docker.compose.project", body, StringComparison.Ordinal);
        Assert.Contains("ChangeSetType=CREATE", body, StringComparison.Ordinal);
    }
}
