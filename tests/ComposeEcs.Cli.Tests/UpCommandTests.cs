namespace ComposeEcs.Cli.Tests;

public sealed class UpCommandTests
{
    [Fact]
    public async Task Up_creates_the_stack_shows_the_change_set_and_the_endpoints()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);

        var run = await t.RunAsync("up");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"Add\s+WebService\s+AWS::ECS::Service", run.Out);
        Assert.Contains("Creating stack demo", run.Out);
        Assert.Matches(@"WebService\s+AWS::ECS::Service\s+CREATE_COMPLETE", run.Out);
        Assert.Contains("Stack demo: CREATE_COMPLETE", run.Out);
        Assert.Matches(@"web\s+http://\S+", run.Out);
        var stack = t.Server.Stack("demo")!;
        Assert.Equal("CREATE_COMPLETE", stack.Status);
        Assert.Equal("demo", stack.Tags["com.docker.compose.project"]);
    }

    [Fact]
    public async Task Up_again_without_changes_is_up_to_date()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        await t.RunAsync("up");

        var run = await t.RunAsync("up");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("up to date", run.Out);
        Assert.Single(t.Server.Requests, r => r.Action == "ExecuteChangeSet");
    }

    [Fact]
    public async Task Up_after_a_compose_change_modifies_the_service()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        await t.RunAsync("up");
        t.WriteCompose(UpTestSupport.WebApp.Replace("replicas: 1", "replicas: 3"));

        var run = await t.RunAsync("up");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"Modify\s+WebService", run.Out);
        Assert.Contains("Stack demo: UPDATE_COMPLETE", run.Out);
    }

    [Fact]
    public async Task A_failed_up_shows_the_resource_and_reason_and_exits_1()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        t.Server.FailResource("WebService", "CannotPullContainerError: pull access denied for nginx");

        var run = await t.RunAsync("up");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("WebService (AWS::ECS::Service) CREATE_FAILED: CannotPullContainerError", run.Error);
        Assert.Contains("CannotPullContainerError", run.Out);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Up_recovers_from_a_stack_left_in_rollback_complete()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        t.Server.FailResource("WebService", "boom");
        await t.RunAsync("up");
        t.Server.ClearFailResource("WebService");

        var run = await t.RunAsync("up");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("ROLLBACK_COMPLETE after a failed create: deleting it", run.Out);
        Assert.Equal("CREATE_COMPLETE", t.Server.Stack("demo")!.Status);
    }

    [Fact]
    public async Task Dry_run_shows_the_change_set_and_touches_nothing()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);

        var run = await t.RunAsync("up", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"Add\s+WebService", run.Out);
        Assert.Contains("Dry run: nothing was deployed", run.Out);
        Assert.DoesNotContain(t.Server.Requests, r => r.Action == "ExecuteChangeSet");
        await t.Server.WaitForStackAsync("demo");
        Assert.Null(t.Server.Stack("demo"));
    }

    [Fact]
    public async Task Dry_run_prints_what_the_project_gets_before_the_change_set()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);

        var run = await t.RunAsync("up", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = run.Out.IndexOf("Project demo:", StringComparison.Ordinal);
        Assert.InRange(summary, 0, run.Out.IndexOf("WebService", StringComparison.Ordinal));
        Assert.Contains("  web  0.25 vCPU, 512 MB, 1 task  public: http://<load balancer>", run.Out);
        Assert.Contains("  load balancer: Application, internet-facing", run.Out);
    }

    [Fact]
    public async Task Detach_returns_once_the_deployment_started()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        using var hold = t.Server.HoldResources();

        var run = await t.RunAsync("up", "--detach");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("compose-ecs ps", run.Out);
        Assert.Equal("CREATE_IN_PROGRESS", t.Server.Stack("demo")!.Status);
        hold.Release();
        await t.Server.WaitForStackAsync("demo");
    }

    [Fact]
    public async Task Without_a_default_vpc_up_says_so_in_one_line_and_deploys_nothing()
    {
        await using var t = await UpTestSupport.StartAsync(new FakeAws.FakeAwsOptions { HasDefaultVpc = false });
        t.WriteCompose(UpTestSupport.WebApp);

        var run = await t.RunAsync("up");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no default VPC", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Null(t.Server.Stack("demo"));
    }

    [Fact]
    public async Task A_missing_region_is_bad_input()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        var environment = t.Environment();
        environment.Remove("AWS_REGION");

        var run = await UpTestSupport.RunInAsync(t.Directory, environment, CancellationToken.None, "up");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("region", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(t.Server.Requests);
    }

    [Fact]
    public async Task A_compose_error_is_bad_input_and_nothing_is_deployed()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose("services:\n  web:\n    image: nginx\n    network_mode: none\n");

        var run = await t.RunAsync("up");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(t.Server.Requests);
    }

    [Fact]
    public async Task Ctrl_c_while_waiting_says_the_deployment_continues_and_exits_130()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        using var cancel = new CancellationTokenSource();
        using var hold = t.Server.HoldResources();
        var run = UpTestSupport.RunInAsync(t.Directory, t.Environment(), cancel.Token, "up");
        // Either the stack is creating, or up ended early (then the assertions below say why): no test hangs.
        await Task.WhenAny(run, t.Server.WaitForStackStatusAsync("demo", "CREATE_IN_PROGRESS"));
        await cancel.CancelAsync();

        var result = await run;

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("continues in AWS", result.Error + result);
        Assert.Contains("compose-ecs ps", result.Error);
        hold.Release();
        await t.Server.WaitForStackAsync("demo");
    }

    [Fact]
    public async Task A_template_over_the_template_body_limit_goes_through_the_accounts_s3_bucket()
    {
        await using var t = await UpTestSupport.StartAsync();
        var filler = new string('x', 2000);
        var services = string.Concat(Enumerable.Range(1, 30).Select(i => $"  svc{i}:\n    image: busybox\n    environment:\n      FILLER: {filler}\n"));
        t.WriteCompose($"name: big\nservices:\n{services}");

        var run = await t.RunAsync("up");

        Assert.True(run.ExitCode == 0, run.ToString());
        var bucket = Assert.Single(t.Server.Buckets);
        Assert.Equal("compose-ecs-123456789012-us-east-1", bucket.Name);
        Assert.Equal(["encryption", "lifecycle", "publicAccessBlock"], bucket.Configuration.Keys.Order());
        var template = Assert.Single(bucket.Objects);
        Assert.StartsWith("templates/big/", template.Key);
        var createChangeSet = Assert.Single(t.Server.Requests, r => r.Action == "CreateChangeSet");
        Assert.Contains("TemplateURL=", createChangeSet.Body);
        Assert.DoesNotContain("TemplateBody=", createChangeSet.Body);
        Assert.Equal("CREATE_COMPLETE", t.Server.Stack("big")!.Status);
    }

    [Fact]
    public async Task The_template_body_is_sent_as_compact_json()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);

        await t.RunAsync("up");

        var body = t.Server.Stack("demo")!.TemplateBody!;
        Assert.StartsWith("{", body);
        Assert.DoesNotContain("\n", body.TrimEnd('\n'));
    }

    [Fact]
    public async Task Up_waits_for_a_deployment_already_in_progress()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        var hold = t.Server.HoldResources();
        await t.RunAsync("up", "--detach");
        t.WriteCompose(UpTestSupport.WebApp.Replace("replicas: 1", "replicas: 2"));
        var output = new ObservedWriter();

        var run = UpTestSupport.RunInAsync(t.Directory, t.Environment(), output, CancellationToken.None, "up");
        await Task.WhenAny(run, output.WhenWrittenAsync("waiting for it to finish"));
        hold.Release();
        var result = await run;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Stack demo is CREATE_IN_PROGRESS (another deployment is running): waiting for it to finish", result.Out);
        Assert.Contains("Stack demo: UPDATE_COMPLETE", result.Out);
    }
}
