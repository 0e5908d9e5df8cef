using System.Text.RegularExpressions;
using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Deploy.Tests;

/// <summary>
/// Issue #14's deploy reproducers: lost answers, dropped connections, throttling while watching, Ctrl-C before
/// executing, dry runs. Every state-changing call is retried safely, outcomes say what really happened in AWS, and
/// nothing created before executing is left behind when up does not go on.
/// </summary>
public sealed class FaultTests
{
    private static readonly IReadOnlyList<StackParameter> VpcParameters =
        [new("VpcId", "vpc-0default"), new("SubnetIds", "subnet-0default1a,subnet-0default1b")];

    private const string SecretValue = "s3cr3t-value-never-sent-by-a-dry-run";

    private static UpRequest Request(string template, bool dryRun = false, IReadOnlyList<StackParameter>? parameters = null) =>
        new("demo", "demo", template, parameters ?? VpcParameters, dryRun);

    private static Task<UpResult> UpAsync(Emulator emulator, UpRequest request, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default) =>
        new UpOperation(emulator.Aws, Emulator.FastTimings).RunAsync(request, progress ?? new EventLog(), cancellationToken);

    private static string WithSecret() => Templates.WebApp()
        .Replace("\"Parameters\": {", "\"Parameters\": {\n    \"DbSecretValue\": { \"Type\": \"String\", \"NoEcho\": true },", StringComparison.Ordinal)
        .Replace("\"Resources\": {", "\"Resources\": {\n    \"DbSecret\": { \"Type\": \"AWS::SecretsManager::Secret\", \"Properties\": { \"SecretString\": { \"Ref\": \"DbSecretValue\" } } },", StringComparison.Ordinal);

    private static IReadOnlyList<StackParameter> SecretParameters() => [.. VpcParameters, new("DbSecretValue", SecretValue, NoEcho: true)];

    private static List<RecordedRequest> Calls(Emulator emulator, string action) => [.. emulator.Server.Requests.Where(r => r.Action == action)];

    private static string? Field(RecordedRequest request, string name) =>
        Regex.Match(request.Body, $"(?:^|&){name}=([^&]*)") is { Success: true } m ? Uri.UnescapeDataString(m.Groups[1].Value) : null;

    /// <summary>Fires an action the moment an event of type T is reported (e.g. faults that must start after execution).</summary>
    private sealed class OnEvent<T>(Action action) : IProgress<DeployEvent> where T : DeployEvent
    {
        private int _fired;
        public void Report(DeployEvent value)
        {
            if (value is T && Interlocked.Exchange(ref _fired, 1) == 0) action();
        }
    }

    [Fact]
    public async Task A_lost_CreateChangeSet_answer_is_retried_with_its_client_token_and_up_deploys()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.Server.LoseResponseOfNext("CreateChangeSet", 1);

        var result = await UpAsync(emulator, Request(Templates.WebApp()));

        Assert.Equal(UpOutcome.Deployed, result.Outcome);
        var creates = Calls(emulator, "CreateChangeSet");
        Assert.Equal(2, creates.Count);
        Assert.NotNull(Field(creates[0], "ClientToken"));
        Assert.Equal(Field(creates[0], "ClientToken"), Field(creates[1], "ClientToken"));
    }

    [Fact]
    public async Task A_lost_ExecuteChangeSet_answer_is_retried_with_its_token_and_up_watches_to_the_end()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.Server.LoseResponseOfNext("ExecuteChangeSet", 1);

        var result = await UpAsync(emulator, Request(Templates.WebApp()));

        Assert.Equal(UpOutcome.Deployed, result.Outcome);
        Assert.True(result.Started);
        var executes = Calls(emulator, "ExecuteChangeSet");
        Assert.Equal(2, executes.Count);
        Assert.NotNull(Field(executes[0], "ClientRequestToken"));
        Assert.Equal(Field(executes[0], "ClientRequestToken"), Field(executes[1], "ClientRequestToken"));
        Assert.Equal("CREATE_COMPLETE", emulator.Server.Stack("demo")!.Status);
    }

    [Fact]
    public async Task Dropped_connections_while_polling_are_retried()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.Server.DropConnectionOfNext("DescribeChangeSet", 2);
        emulator.Server.DropConnectionOfNext("DescribeStacks", 2);

        var result = await UpAsync(emulator, Request(Templates.WebApp()));

        Assert.Equal(UpOutcome.Deployed, result.Outcome);
    }

    [Fact]
    public async Task Throttling_while_watching_stops_watching_and_says_the_deployment_continues()
    {
        await using var emulator = await Emulator.StartAsync();
        var hold = emulator.Server.HoldResources();
        var progress = new OnEvent<StackOperationStarted>(() => emulator.Server.ThrottleNext("DescribeStacks", 1_000));

        var result = await UpAsync(emulator, Request(Templates.WebApp()), progress);

        Assert.Equal(UpOutcome.StoppedWatching, result.Outcome);
        Assert.True(result.Started);
        Assert.Contains("Throttling", result.Reason);
        hold.Release();
        await emulator.Server.WaitForStackAsync("demo");
        Assert.Equal("CREATE_COMPLETE", emulator.Server.Stack("demo")!.Status);
    }

    [Fact]
    public async Task Ctrl_c_while_the_change_set_is_computed_removes_it_and_the_empty_stack()
    {
        await using var emulator = await Emulator.StartAsync();
        using var cancel = new CancellationTokenSource();
        var hold = emulator.Server.HoldChangeSets();
        var run = UpAsync(emulator, Request(Templates.WebApp()), new EventLog(), cancel.Token);
        // The first DescribeChangeSet is sent once CreateChangeSet has been answered, so the change set surely exists and is
        // held computing. (The CreateChangeSet request itself is recorded before it is processed: cancelling then would race
        // the cleanup against its creation.)
        await Task.WhenAny(run, emulator.Server.WaitForRequestAsync("DescribeChangeSet"));
        await cancel.CancelAsync();
        // Cleaning up waits for the change set to be computed (one being computed cannot be deleted).
        hold.Release();

        var result = await run;

        Assert.Equal(UpOutcome.Interrupted, result.Outcome);
        Assert.False(result.Started);
        Assert.Empty(Calls(emulator, "ExecuteChangeSet"));
        Assert.Single(Calls(emulator, "DeleteChangeSet"));
        await emulator.Server.WaitForStackAsync("demo");
        Assert.Null(emulator.Server.Stack("demo"));
    }

    [Fact]
    public async Task Ctrl_c_before_create_change_set_is_answered_leaves_nothing_even_when_cloudformation_carries_it_out_later()
    {
        await using var emulator = await Emulator.StartAsync();
        using var cancel = new CancellationTokenSource();
        var held = emulator.Server.HoldRequests("CreateChangeSet");
        var run = UpAsync(emulator, Request(Templates.WebApp()), new EventLog(), cancel.Token);
        await emulator.Server.WaitForRequestAsync("CreateChangeSet");
        await cancel.CancelAsync();
        // CloudFormation has the request but has not carried it out. Whatever up does to clean up must account for it
        // being carried out after that: let it through once up sends its next CreateChangeSet, or has finished.
        await Task.WhenAny(run, emulator.Server.WaitForRequestAsync("CreateChangeSet", 2));
        held.Dispose();

        var result = await run;
        await emulator.Server.WaitForProcessedAsync("CreateChangeSet", Calls(emulator, "CreateChangeSet").Count);
        await emulator.Server.WaitForStackAsync("demo");

        Assert.Equal(UpOutcome.Interrupted, result.Outcome);
        Assert.Empty(Calls(emulator, "ExecuteChangeSet"));
        Assert.Null(emulator.Server.Stack("demo"));
    }

    [Fact]
    public async Task An_error_between_creating_and_executing_leaves_nothing_behind()
    {
        await using var emulator = await Emulator.StartAsync();
        var progress = new OnEvent<ChangeSetComputed>(() => emulator.Server.ThrottleNext("DescribeStackEvents", 1_000));

        await Assert.ThrowsAsync<AwsServiceException>(() => UpAsync(emulator, Request(Templates.WebApp()), progress));

        Assert.Empty(Calls(emulator, "ExecuteChangeSet"));
        await emulator.Server.WaitForStackAsync("demo");
        Assert.Null(emulator.Server.Stack("demo"));
    }

    [Fact]
    public async Task A_dry_run_of_a_new_stack_sends_placeholders_not_secret_values_and_leaves_nothing()
    {
        await using var emulator = await Emulator.StartAsync();

        var result = await UpAsync(emulator, Request(WithSecret(), dryRun: true, SecretParameters()));

        Assert.Equal(UpOutcome.DryRun, result.Outcome);
        Assert.DoesNotContain(emulator.Server.Requests, r => r.Body.Contains(SecretValue, StringComparison.Ordinal));
        Assert.Contains(DryRunParameters.Placeholder, Assert.Single(Calls(emulator, "CreateChangeSet")).Body);
        await emulator.Server.WaitForStackAsync("demo");
        Assert.Null(emulator.Server.Stack("demo"));
    }

    [Fact]
    public async Task A_dry_run_of_an_existing_stack_keeps_the_previous_secret_value()
    {
        await using var emulator = await Emulator.StartAsync();
        await UpAsync(emulator, Request(WithSecret(), parameters: SecretParameters()));
        var before = emulator.Server.Requests.Count;

        var result = await UpAsync(emulator, Request(WithSecret().Replace("nginx:1.27", "nginx:1.28", StringComparison.Ordinal), dryRun: true, SecretParameters()));

        Assert.Equal(UpOutcome.DryRun, result.Outcome);
        var sent = emulator.Server.Requests.Skip(before).ToList();
        Assert.DoesNotContain(sent, r => r.Body.Contains(SecretValue, StringComparison.Ordinal));
        var create = Assert.Single(sent, r => r.Action == "CreateChangeSet");
        Assert.Contains("UsePreviousValue=true", create.Body);
        Assert.DoesNotContain(result.Changes, c => c.LogicalId == "DbSecret");
        Assert.Equal(SecretValue, emulator.Server.Stack("demo")!.Parameters["DbSecretValue"]);
    }

    [Fact]
    public async Task The_emulator_answers_a_repeated_CreateChangeSet_as_CloudFormation_does()
    {
        await using var emulator = await Emulator.StartAsync();
        var cfn = emulator.Aws.CloudFormation;
        CreateChangeSetRequest Create(string? token) => new("demo", "cs1", ChangeSetType.Create, Templates.WebApp(), VpcParameters,
            ChangeSetPlanner.Capabilities, [], ClientToken: token);

        var first = await cfn.CreateChangeSetAsync(Create("token-1"));
        var again = await cfn.CreateChangeSetAsync(Create("token-1"));
        var other = await Assert.ThrowsAsync<AwsServiceException>(() => cfn.CreateChangeSetAsync(Create("token-2")));
        var none = await Assert.ThrowsAsync<AwsServiceException>(() => cfn.CreateChangeSetAsync(Create(null)));

        Assert.Equal(first, again);
        Assert.Equal("AlreadyExistsException", other.Code);
        Assert.Equal("AlreadyExistsException", none.Code);
    }

    [Fact]
    public async Task The_emulator_answers_a_repeated_ExecuteChangeSet_as_CloudFormation_does()
    {
        await using var emulator = await Emulator.StartAsync();
        var cfn = emulator.Aws.CloudFormation;
        var created = await cfn.CreateChangeSetAsync(new("demo", "cs1", ChangeSetType.Create, Templates.WebApp(), VpcParameters, ChangeSetPlanner.Capabilities, []));
        while ((await cfn.DescribeChangeSetAsync(created.Id)).ExecutionStatus != "AVAILABLE") await Task.Delay(10);
        using var hold = emulator.Server.HoldResources();

        await cfn.ExecuteChangeSetAsync(created.Id, clientRequestToken: "exec-1");
        await cfn.ExecuteChangeSetAsync(created.Id, clientRequestToken: "exec-1");
        var without = await Assert.ThrowsAsync<AwsServiceException>(() => cfn.ExecuteChangeSetAsync(created.Id));

        Assert.Equal("InvalidChangeSetStatus", without.Code);
        hold.Release();
        await emulator.Server.WaitForStackAsync("demo");
    }

    [Fact]
    public async Task A_lost_DeleteStack_answer_is_retried_with_its_token_and_down_watches_to_the_end()
    {
        await using var emulator = await Emulator.StartAsync();
        await UpAsync(emulator, Request(Templates.WebApp()));
        emulator.Server.LoseResponseOfNext("DeleteStack", 1);

        var result = await new DownOperation(emulator.Aws, Emulator.FastTimings).RunAsync("demo", new EventLog(), CancellationToken.None);

        Assert.Equal(DownOutcome.Deleted, result.Outcome);
        var deletes = Calls(emulator, "DeleteStack");
        Assert.Equal(2, deletes.Count);
        Assert.NotNull(Field(deletes[0], "ClientRequestToken"));
    }

    [Fact]
    public async Task Down_interrupted_after_requesting_the_delete_says_it_was_requested()
    {
        await using var emulator = await Emulator.StartAsync();
        await UpAsync(emulator, Request(Templates.WebApp()));
        using var cancel = new CancellationTokenSource();
        var hold = emulator.Server.HoldResources();
        var progress = new OnEvent<StackOperationStarted>(cancel.Cancel);

        var result = await new DownOperation(emulator.Aws, Emulator.FastTimings).RunAsync("demo", progress, cancel.Token);

        Assert.Equal(DownOutcome.Interrupted, result.Outcome);
        Assert.True(result.Started);
        Assert.Equal("DELETE_IN_PROGRESS", emulator.Server.Stack("demo")!.Status);
        hold.Release();
        await emulator.Server.WaitForStackAsync("demo");
        Assert.Null(emulator.Server.Stack("demo"));
    }

    [Fact]
    public async Task Throttling_while_watching_down_says_the_deletion_continues()
    {
        await using var emulator = await Emulator.StartAsync();
        await UpAsync(emulator, Request(Templates.WebApp()));
        using var hold = emulator.Server.HoldResources();
        var progress = new OnEvent<StackOperationStarted>(() => emulator.Server.ThrottleNext("DescribeStacks", 1_000));

        var result = await new DownOperation(emulator.Aws, Emulator.FastTimings).RunAsync("demo", progress, CancellationToken.None);

        Assert.Equal(DownOutcome.StoppedWatching, result.Outcome);
        Assert.True(result.Started);
    }

    [Fact]
    public async Task A_slow_stack_is_watched_to_the_end()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.Server.SetResourceDelay(TimeSpan.FromMilliseconds(100));

        var result = await UpAsync(emulator, Request(Templates.WebApp()));

        Assert.Equal(UpOutcome.Deployed, result.Outcome);
    }
}
