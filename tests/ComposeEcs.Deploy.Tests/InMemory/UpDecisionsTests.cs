using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy.Tests.InMemory;

/// <summary>What <c>up</c> decides, against CloudFormation in memory: no HTTP, no emulator, milliseconds each.</summary>
public sealed class UpDecisionsTests
{
    private static readonly DeployTimings Instant = new(TimeSpan.FromMilliseconds(1));
    private readonly InMemoryStacks _cfn = new();
    private readonly EventLog _log = new();

    private Task<UpResult> Up(bool dryRun = false, bool detach = false) =>
        new UpOperation(_cfn, Instant).RunAsync(new UpRequest("shop", "shop", "{}", [], dryRun, detach), _log, CancellationToken.None);

    [Fact]
    public async Task A_new_project_is_created_and_watched_until_it_settles()
    {
        var result = await Up();

        Assert.Equal(UpOutcome.Deployed, result.Outcome);
        Assert.Equal(["CreateChangeSet Create", "ExecuteChangeSet"], _cfn.Calls);
        Assert.Contains(_log.OfType<ResourceStatusChanged>(), e => e.LogicalId == "WebService" && e.Status == "CREATE_COMPLETE");
    }

    [Fact]
    public async Task A_change_set_without_changes_is_up_to_date_and_nothing_is_executed()
    {
        _cfn.Existing("shop", "UPDATE_COMPLETE");
        _cfn.NextChangeSet = ("FAILED", "The submitted information didn't contain changes. Submit different information to create a change set.", []);

        var result = await Up();

        Assert.Equal(UpOutcome.UpToDate, result.Outcome);
        Assert.Equal(["CreateChangeSet Update", "DeleteChangeSet"], _cfn.Calls);
    }

    [Fact]
    public async Task A_change_set_cloudformation_refuses_is_a_failure_with_its_reason()
    {
        _cfn.Existing("shop", "CREATE_COMPLETE");
        _cfn.NextChangeSet = ("FAILED", "Template format error: Unresolved resource dependencies [Db]", []);

        var result = await Up();

        Assert.Equal(UpOutcome.Failed, result.Outcome);
        Assert.Equal("CloudFormation refused the change set: Template format error: Unresolved resource dependencies [Db]", result.Failure?.Reason);
        Assert.DoesNotContain("ExecuteChangeSet", _cfn.Calls);
    }

    [Fact]
    public async Task A_dry_run_of_a_new_project_shows_the_changes_and_leaves_no_stack_behind()
    {
        var result = await Up(dryRun: true);

        Assert.Equal(UpOutcome.DryRun, result.Outcome);
        Assert.Single(_log.OfType<ChangeSetComputed>(), e => e.Changes.Count == 1);
        Assert.Equal(["CreateChangeSet Create", "DeleteChangeSet", "DeleteStack"], _cfn.Calls);
        Assert.Null(await _cfn.FindStackAsync("shop"));
    }

    [Fact]
    public async Task A_stack_left_in_rollback_complete_is_deleted_and_created_again()
    {
        _cfn.Existing("shop", StackStatuses.RollbackComplete);

        var result = await Up();

        Assert.Equal(UpOutcome.Deployed, result.Outcome);
        Assert.Single(_log.OfType<ReplacingFailedStack>());
        Assert.Equal(["DeleteStack", "CreateChangeSet Create", "ExecuteChangeSet"], _cfn.Calls);
    }

    [Fact]
    public async Task A_dry_run_does_not_delete_a_stack_in_rollback_complete_and_says_why_not()
    {
        _cfn.Existing("shop", StackStatuses.RollbackComplete);

        var result = await Up(dryRun: true);

        Assert.Equal(UpOutcome.Failed, result.Outcome);
        Assert.Contains("deletes it and creates it again", result.Failure?.Reason);
        Assert.Empty(_cfn.Calls);
    }

    [Fact]
    public async Task Detach_returns_once_the_change_set_is_executing()
    {
        var result = await Up(detach: true);

        Assert.Equal(UpOutcome.Detached, result.Outcome);
        Assert.True(result.Started);
        Assert.Empty(_log.OfType<StackSettled>());
    }

    [Fact]
    public async Task A_rolled_back_deployment_names_the_first_resource_that_failed()
    {
        _cfn.Execution = ("ROLLBACK_COMPLETE", [("WebService", "CREATE_FAILED", "CannotPullContainerError"), ("WebService", "DELETE_COMPLETE", null)]);

        var result = await Up();

        Assert.Equal(UpOutcome.Failed, result.Outcome);
        Assert.Equal(new ResourceFailure("WebService", "AWS::ECS::Service", "CREATE_FAILED", "CannotPullContainerError"), result.Failure);
    }
}
