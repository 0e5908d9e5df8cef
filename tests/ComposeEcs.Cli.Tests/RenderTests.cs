using ComposeEcs.Aws.Credentials;
using ComposeEcs.Cli.Rendering;
using ComposeEcs.Deploy;
using Spectre.Console.Testing;

namespace ComposeEcs.Cli.Tests;

public sealed class RenderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static ResourceStatusChanged Event(string id, string type, string status, string? reason = null) =>
        new(id, type, status, reason, T0, IsStack: false);

    private static DeployProgress Progress(params (DeployEvent Event, double Seconds)[] events) =>
        events.Aggregate(new DeployProgress(), (p, e) => p.Apply(e.Event, T0.AddSeconds(e.Seconds)));

    [Fact]
    public void The_live_view_shows_one_line_per_resource_with_status_elapsed_time_and_the_overall_count()
    {
        var progress = Progress(
            (new StackOperationStarted("demo", "create", 3), 0),
            (Event("Cluster", "AWS::ECS::Cluster", "CREATE_IN_PROGRESS"), 0.5),
            (Event("Cluster", "AWS::ECS::Cluster", "CREATE_COMPLETE"), 2.5),
            (Event("WebService", "AWS::ECS::Service", "CREATE_IN_PROGRESS"), 3));
        var console = new TestConsole().Width(120);

        console.Write(LiveDeployView.Render(progress, T0.AddSeconds(4.2)));

        var lines = console.Lines.Select(l => l.TrimEnd()).ToList();
        Assert.Matches(@"\[\+\] Creating demo 1/3\s+4\.2s", lines[0]);
        Assert.Matches(@"✔ Cluster\s+AWS::ECS::Cluster\s+CREATE_COMPLETE\s+2\.0s", lines[1]);
        Assert.Matches(@"WebService\s+AWS::ECS::Service\s+CREATE_IN_PROGRESS\s+1\.2s", lines[2]);
        Assert.DoesNotContain("✔", lines[2]);
    }

    [Fact]
    public void A_failed_resource_shows_its_reason_in_red_and_keeps_it_through_the_rollback()
    {
        var progress = Progress(
            (new StackOperationStarted("demo", "create", 2), 0),
            (Event("WebService", "AWS::ECS::Service", "CREATE_IN_PROGRESS"), 1),
            (Event("WebService", "AWS::ECS::Service", "CREATE_FAILED", "CannotPullContainerError"), 2),
            (Event("WebService", "AWS::ECS::Service", "DELETE_COMPLETE"), 3));
        var console = new TestConsole().Width(120).EmitAnsiSequences();
        console.Profile.Capabilities.ColorSystem = Spectre.Console.ColorSystem.TrueColor;

        console.Write(LiveDeployView.Render(progress, T0.AddSeconds(5)));

        Assert.Contains("✘", console.Output);
        Assert.Contains("CREATE_FAILED", console.Output);
        Assert.DoesNotContain("DELETE_COMPLETE", console.Output);
        var reasonLine = console.Lines.Single(l => l.Contains("CannotPullContainerError"));
        Assert.Contains("\u001b[", reasonLine);
    }

    [Fact]
    public async Task The_live_view_runs_the_operation_and_leaves_its_final_state_on_screen()
    {
        var console = new TestConsole().Width(120).Interactive();
        var view = new LiveDeployView(console, refresh: TimeSpan.FromMilliseconds(5));

        var result = await view.RunAsync(async progress =>
        {
            progress.Report(new ChangeSetComputed("demo", true, [new PlannedChange("Add", "Cluster", "AWS::ECS::Cluster", null)]));
            progress.Report(new StackOperationStarted("demo", "create", 1));
            progress.Report(Event("Cluster", "AWS::ECS::Cluster", "CREATE_IN_PROGRESS"));
            await Task.Delay(30);
            progress.Report(Event("Cluster", "AWS::ECS::Cluster", "CREATE_COMPLETE"));
            progress.Report(new StackSettled("demo", "CREATE_COMPLETE", null));
            return 42;
        });

        Assert.Equal(42, result);
        Assert.Matches(@"Add\s+Cluster\s+AWS::ECS::Cluster", console.Output);
        Assert.Contains("1 to add, 0 to modify, 0 to remove", console.Output);
        Assert.Matches(@"Creating demo 1/1\s+CREATE_COMPLETE", console.Output);
        Assert.Matches(@"✔ Cluster\s+AWS::ECS::Cluster\s+CREATE_COMPLETE", console.Output);
    }

    [Fact]
    public void The_change_set_table_lists_adds_then_modifies_then_removes_with_replacement()
    {
        var console = new TestConsole().Width(120);

        console.Write(ChangeSetTable.Render([
            new PlannedChange("Remove", "OldService", "AWS::ECS::Service", null),
            new PlannedChange("Modify", "WebTaskDefinition", "AWS::ECS::TaskDefinition", "True"),
            new PlannedChange("Add", "DbService", "AWS::ECS::Service", null),
        ]));

        var rows = console.Lines.Where(l => l.Contains("AWS::")).Select(l => l.Trim()).ToList();
        Assert.Matches(@"^Add\s+DbService", rows[0]);
        Assert.Matches(@"^Modify\s+WebTaskDefinition\s+AWS::ECS::TaskDefinition\s+True", rows[1]);
        Assert.Matches(@"^Remove\s+OldService", rows[2]);
    }

    [Fact]
    public void Plain_lines_have_stable_columns_and_the_reason_last()
    {
        var line = PlainDeployView.Line(Event("WebService", "AWS::ECS::Service", "CREATE_FAILED", "boom"));

        Assert.Matches(@"^  WebService\s+AWS::ECS::Service\s+CREATE_FAILED  boom$", line);
    }

    [Fact]
    public async Task Plain_lines_keep_their_columns_for_the_change_sets_longest_logical_id()
    {
        var console = new TestConsole().Width(300);
        const string Long = "SentrySubscriptionConsumerTransactionsTaskDefinition";
        await new PlainDeployView(console).RunAsync(progress =>
        {
            progress.Report(new ChangeSetComputed("demo", true, [new PlannedChange("Add", Long, "AWS::ECS::TaskDefinition", null), new PlannedChange("Add", "WebService", "AWS::ECS::Service", null)]));
            progress.Report(new ResourceStatusChanged(Long, "AWS::ECS::TaskDefinition", "CREATE_IN_PROGRESS", null, T0, false));
            progress.Report(new ResourceStatusChanged("WebService", "AWS::ECS::Service", "CREATE_IN_PROGRESS", null, T0, false));
            return Task.FromResult(0);
        });

        var columns = console.Lines.Where(l => l.Contains("CREATE_IN_PROGRESS")).Select(l => l.IndexOf("AWS::", StringComparison.Ordinal)).Distinct();
        Assert.Equal([2 + Long.Length + 1], columns);
    }

    [Fact]
    public async Task Plain_final_lines_give_each_resources_elapsed_time_from_cloudformations_event_times()
    {
        var console = new TestConsole().Width(200);
        ResourceStatusChanged At(string id, string status, double seconds, bool isStack = false) =>
            new(id, isStack ? "AWS::CloudFormation::Stack" : "AWS::ElasticLoadBalancingV2::LoadBalancer", status, null, T0.AddSeconds(seconds), isStack);

        await new PlainDeployView(console).RunAsync(progress =>
        {
            progress.Report(new StackOperationStarted("demo", "create", 1));
            progress.Report(At("demo", "CREATE_IN_PROGRESS", 0, isStack: true));
            progress.Report(At("LoadBalancer", "CREATE_IN_PROGRESS", 1));
            progress.Report(At("LoadBalancer", "CREATE_IN_PROGRESS", 2));
            progress.Report(At("LoadBalancer", "CREATE_COMPLETE", 126));
            progress.Report(At("demo", "CREATE_COMPLETE", 130.4, isStack: true));
            return Task.FromResult(0);
        });

        var lines = console.Lines.Select(l => l.TrimEnd()).ToList();
        Assert.Matches(@"^  LoadBalancer\s+AWS::ElasticLoadBalancingV2::LoadBalancer\s+CREATE_IN_PROGRESS$", lines[2]);
        Assert.Matches(@"CREATE_COMPLETE  2m05s$", lines[4]);
        Assert.Matches(@"^  demo\s+AWS::CloudFormation::Stack\s+CREATE_COMPLETE  2m10s$", lines[5]);
    }

    [Fact]
    public void Log_prefixes_are_padded_and_coloured_per_service()
    {
        var formatter = new LogFormatter(["web", "database"], timestamps: false, color: true);

        var web = formatter.Format(new LogLine("web", "t1", T0, "hello [world]"));
        var db = formatter.Format(new LogLine("database", "t2", T0, "ready"));

        Assert.Equal("[yellow]web       |[/] hello [[world]]", web);
        Assert.Equal("[cyan]database  |[/] ready", db);
    }

    [Theory]
    [InlineData(3.24, "3.2s")]
    [InlineData(65, "1m05s")]
    public void Elapsed_times_read_like_docker_compose(double seconds, string text) =>
        Assert.Equal(text, DeployProgress.FormatElapsed(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public async Task Up_on_a_terminal_renders_the_live_view_and_ends_on_its_final_state()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        var output = new StringWriter();
        var context = new CliContext(TextWriter.Synchronized(output), new StringWriter(), t.Environment(), t.Directory) { IsTerminal = true, AwsSdkFallback = new NoSdkFallback() };

        var exit = await CliApp.RunAsync(["up"], context);

        var text = System.Text.RegularExpressions.Regex.Replace(output.ToString(), @"\x1b\[[0-9;?]*[A-Za-z]", "");
        Assert.Equal(0, exit);
        Assert.Matches(@"Add\s+WebService", text);
        Assert.Matches(@"Creating demo \d+/\d+", text);
        // An 80-column console has no room for resource types: id, status and time only, nothing wrapped.
        Assert.Matches(@"✔ WebService\s+CREATE_COMPLETE\s+\d+\.\ds", text);
        Assert.Contains("Stack demo: CREATE_COMPLETE", text);
        Assert.Matches(@"web  http://\S+\.elb\.amazonaws\.com", text);
    }
}
