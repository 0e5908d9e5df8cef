using ComposeEcs.Aws.Clients;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Deploy.Tests;

public sealed class UpOperationTests
{
    private static readonly IReadOnlyList<StackParameter> VpcParameters =
        [new("VpcId", "vpc-0default"), new("SubnetIds", "subnet-0default1a,subnet-0default1b")];

    private static UpRequest Request(string template, bool dryRun = false, bool detach = false) =>
        new("demo", "demo", template, VpcParameters, dryRun, detach);

    private static Task<UpResult> UpAsync(Emulator emulator, UpRequest request, EventLog? log = null) =>
        new UpOperation(emulator.Aws, Emulator.FastTimings).RunAsync(request, log ?? new EventLog(), CancellationToken.None);

    [Fact]
    public async Task A_new_stack_is_created_from_a_change_set_and_reports_each_resource()
    {
        await using var emulator = await Emulator.StartAsync();
        var log = new EventLog();

        var result = await UpAsync(emulator, Request(Templates.WebApp()), log);

        Assert.Equal(UpOutcome.Deployed, result.Outcome);
        Assert.Equal("CREATE_COMPLETE", result.Stack?.StackStatus);
        var computed = Assert.Single(log.OfType<ChangeSetComputed>());
        Assert.True(computed.NewStack);
        Assert.Contains(computed.Changes, c => c is { Action: "Add", LogicalId: "WebService", ResourceType: "AWS::ECS::Service" });
        Assert.Contains(log.OfType<ResourceStatusChanged>(), e => e is { LogicalId: "WebService", Status: "CREATE_COMPLETE" });
        Assert.Equal("CREATE_COMPLETE", log.OfType<StackSettled>().Last().Status);
        var stack = emulator.Server.Stack("demo")!;
        Assert.Equal("demo", stack.Tags[StackNames.ProjectTag]);
        Assert.Equal("vpc-0default", stack.Parameters["VpcId"]);
    }

    [Fact]
    public async Task Events_are_reported_once_and_in_order()
    {
        await using var emulator = await Emulator.StartAsync();
        var log = new EventLog();

        await UpAsync(emulator, Request(Templates.WebApp()), log);

        var events = log.OfType<ResourceStatusChanged>().ToList();
        Assert.Equal(events.OrderBy(e => e.Timestamp), events);
        Assert.Equal(events.Count, events.Distinct().Count());
        Assert.DoesNotContain(events, e => e.Status == "REVIEW_IN_PROGRESS");
    }

    [Fact]
    public async Task Up_without_changes_is_up_to_date_and_executes_nothing()
    {
        await using var emulator = await Emulator.StartAsync();
        await UpAsync(emulator, Request(Templates.WebApp()));
        var executions = emulator.Server.Requests.Count(r => r.Action == "ExecuteChangeSet");

        var result = await UpAsync(emulator, Request(Templates.WebApp()));

        Assert.Equal(UpOutcome.UpToDate, result.Outcome);
        Assert.Equal(executions, emulator.Server.Requests.Count(r => r.Action == "ExecuteChangeSet"));
        Assert.Equal("CREATE_COMPLETE", emulator.Server.Stack("demo")!.Status);
    }

    [Fact]
    public async Task A_changed_template_updates_the_stack_with_a_modify()
    {
        await using var emulator = await Emulator.StartAsync();
        await UpAsync(emulator, Request(Templates.WebApp()));
        var log = new EventLog();

        var result = await UpAsync(emulator, Request(Templates.WebApp(desiredCount: 2)), log);

        Assert.Equal(UpOutcome.Deployed, result.Outcome);
        Assert.Equal("UPDATE_COMPLETE", result.Stack?.StackStatus);
        var computed = Assert.Single(log.OfType<ChangeSetComputed>());
        Assert.False(computed.NewStack);
        Assert.Contains(computed.Changes, c => c is { Action: "Modify", LogicalId: "WebService" });
    }

    [Fact]
    public async Task A_failing_resource_fails_the_up_with_its_reason()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.Server.FailResource("WebService", "Invalid request provided: no such image");

        var result = await UpAsync(emulator, Request(Templates.WebApp()));

        Assert.Equal(UpOutcome.Failed, result.Outcome);
        Assert.Equal("WebService", result.Failure?.LogicalId);
        Assert.Contains("no such image", result.Failure?.Reason);
        Assert.Equal("ROLLBACK_COMPLETE", emulator.Server.Stack("demo")!.Status);
    }

    [Fact]
    public async Task A_stack_left_in_rollback_complete_is_deleted_and_created_again()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.Server.FailResource("WebService", "boom");
        await UpAsync(emulator, Request(Templates.WebApp()));
        emulator.Server.ClearFailResource("WebService");
        var log = new EventLog();

        var result = await UpAsync(emulator, Request(Templates.WebApp()), log);

        Assert.Equal(UpOutcome.Deployed, result.Outcome);
        Assert.Single(log.OfType<ReplacingFailedStack>());
        Assert.Equal("CREATE_COMPLETE", emulator.Server.Stack("demo")!.Status);
    }

    [Fact]
    public async Task Dry_run_of_a_new_stack_shows_the_changes_and_leaves_nothing_behind()
    {
        await using var emulator = await Emulator.StartAsync();
        var log = new EventLog();

        var result = await UpAsync(emulator, Request(Templates.WebApp(), dryRun: true), log);

        Assert.Equal(UpOutcome.DryRun, result.Outcome);
        Assert.NotEmpty(Assert.Single(log.OfType<ChangeSetComputed>()).Changes);
        Assert.DoesNotContain(emulator.Server.Requests, r => r.Action == "ExecuteChangeSet");
        await emulator.Server.WaitForStackAsync("demo");
        Assert.Null(emulator.Server.Stack("demo"));
    }

    [Fact]
    public async Task Dry_run_of_an_existing_stack_changes_nothing()
    {
        await using var emulator = await Emulator.StartAsync();
        await UpAsync(emulator, Request(Templates.WebApp()));

        var result = await UpAsync(emulator, Request(Templates.WebApp(desiredCount: 3), dryRun: true));

        Assert.Equal(UpOutcome.DryRun, result.Outcome);
        Assert.Contains(result.Changes, c => c.Action == "Modify");
        Assert.Equal("CREATE_COMPLETE", emulator.Server.Stack("demo")!.Status);
        Assert.Contains("\"DesiredCount\": 1", emulator.Server.Stack("demo")!.TemplateBody);
    }

    [Fact]
    public async Task Detach_returns_once_the_change_set_executes()
    {
        await using var emulator = await Emulator.StartAsync();
        using var hold = emulator.Server.HoldResources();

        var result = await UpAsync(emulator, Request(Templates.WebApp(), detach: true));

        Assert.Equal(UpOutcome.Detached, result.Outcome);
        Assert.True(result.Started);
        Assert.Equal("CREATE_IN_PROGRESS", emulator.Server.Stack("demo")!.Status);
        hold.Release();
        await emulator.Server.WaitForStackAsync("demo");
    }

    [Fact]
    public async Task An_up_waits_for_another_operation_in_progress_instead_of_trampling_it()
    {
        await using var emulator = await Emulator.StartAsync();
        var hold = emulator.Server.HoldResources();
        await UpAsync(emulator, Request(Templates.WebApp(), detach: true));
        var log = new ReleaseOnWaiting(hold);

        var result = await new UpOperation(emulator.Aws, Emulator.FastTimings).RunAsync(Request(Templates.WebApp(desiredCount: 2)), log, CancellationToken.None);

        Assert.Single(log.OfType<WaitingForOtherOperation>());
        Assert.Equal(UpOutcome.Deployed, result.Outcome);
        Assert.Equal("UPDATE_COMPLETE", result.Stack?.StackStatus);
    }

    [Fact]
    public async Task Cancelling_while_waiting_says_whether_the_deployment_started()
    {
        await using var emulator = await Emulator.StartAsync();
        using var cancel = new CancellationTokenSource();
        var log = new SyncCancelOnStart(cancel);

        var result = await new UpOperation(emulator.Aws, Emulator.FastTimings).RunAsync(Request(Templates.WebApp()), log, cancel.Token);

        Assert.Equal(UpOutcome.Interrupted, result.Outcome);
        Assert.True(result.Started);
        await emulator.Server.WaitForStackAsync("demo");
        Assert.Equal("CREATE_COMPLETE", emulator.Server.Stack("demo")!.Status);
    }

    [Fact]
    public async Task Throttled_calls_are_retried_transparently()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.Server.ThrottleNext("DescribeStackEvents", 2);
        emulator.Server.ThrottleNext("DescribeChangeSet", 2);

        var result = await UpAsync(emulator, Request(Templates.WebApp()));

        Assert.Equal(UpOutcome.Deployed, result.Outcome);
    }

    /// <summary>Records events and releases the hold on the first stack once the second up says it waits for it.</summary>
    private sealed class ReleaseOnWaiting(ResourceHold hold) : IProgress<DeployEvent>
    {
        private readonly EventLog _log = new();

        public IEnumerable<T> OfType<T>() => _log.OfType<T>();

        public void Report(DeployEvent value)
        {
            _log.Report(value);
            if (value is WaitingForOtherOperation) hold.Release();
        }
    }

    private sealed class SyncCancelOnStart(CancellationTokenSource cancel) : IProgress<DeployEvent>
    {
        public void Report(DeployEvent value)
        {
            if (value is StackOperationStarted) cancel.Cancel();
        }
    }
}
