namespace ComposeEcs.Cli.Tests;

/// <summary>The listing and log flags docker compose users reach for: ps -q/--services, ls -q, config --images/-o, logs --until/--no-log-prefix.</summary>
public sealed class DockerComposeFlagsTests
{
    private const string TwoServices = """
        name: demo
        services:
          web:
            image: nginx:1.27
            deploy:
              replicas: 2
          db:
            image: postgres:16
        """;

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Ps_quiet_prints_only_the_task_ids()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);
        await t.RunAsync("up");

        var run = await t.RunAsync("ps", "-q");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, Lines(run.Out).Length);
        Assert.All(Lines(run.Out), id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Fact]
    public async Task Ps_services_prints_only_the_service_names()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);
        await t.RunAsync("up");

        var run = await t.RunAsync("ps", "--services");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["db", "web"], Lines(run.Out).Order());
    }

    [Fact]
    public async Task Ps_a_is_one_row_per_task()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);
        await t.RunAsync("up");

        var run = await t.RunAsync("ps", "-a");

        Assert.Matches(@"SERVICE\s+TASK\s+STATUS", run.Out);
        Assert.Equal(2, Lines(run.Out).Count(l => l.StartsWith("web ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Ls_quiet_prints_only_the_project_names()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);
        await t.RunAsync("up");

        var run = await t.RunAsync("ls", "-q");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("demo\n", run.Out);
    }

    [Fact]
    public async Task Config_images_lists_each_image_once()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);

        var run = await t.RunAsync("config", "--images");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["nginx:1.27", "postgres:16"], Lines(run.Out).Order());
    }

    [Fact]
    public async Task Config_output_writes_the_file_instead_of_stdout()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);

        var run = await t.RunAsync("config", "-o", "resolved.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("image: postgres:16", File.ReadAllText(Path.Combine(t.Directory, "resolved.yaml")));
    }

    [Fact]
    public async Task Config_output_to_an_unwritable_place_is_one_error_line()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);

        var run = await t.RunAsync("config", "-o", "no/such/dir/out.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error CE4004: cannot write no/such/dir/out.yaml:", run.Error);
    }

    private static UpTestSupport WithLogs(UpTestSupport t)
    {
        var t0 = DateTimeOffset.UtcNow.AddHours(-2);
        t.Server.PutLogEvents("/docker-compose/demo", "demo/web/aaaa", (t0, "old line"), (DateTimeOffset.UtcNow.AddMinutes(-1), "new line"));
        return t;
    }

    [Fact]
    public async Task Logs_until_stops_at_that_time()
    {
        await using var t = WithLogs(await UpTestSupport.StartAsync());
        t.WriteCompose(TwoServices);

        var run = await t.RunAsync("logs", "--until", "1h");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["web  | old line"], Lines(run.Out));
    }

    [Fact]
    public async Task Logs_until_that_is_not_a_time_is_bad_input()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);

        var run = await t.RunAsync("logs", "--until", "yesterday");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error CE4002: --until 'yesterday'", run.Error);
    }

    [Fact]
    public async Task Logs_no_log_prefix_prints_the_messages_alone()
    {
        await using var t = WithLogs(await UpTestSupport.StartAsync());
        t.WriteCompose(TwoServices);

        var run = await t.RunAsync("logs", "--no-log-prefix");

        Assert.Equal(["old line", "new line"], Lines(run.Out));
    }

    [Fact]
    public async Task Logs_t_shows_timestamps_also_without_prefix()
    {
        await using var t = WithLogs(await UpTestSupport.StartAsync());
        t.WriteCompose(TwoServices);

        var run = await t.RunAsync("logs", "-t", "--no-log-prefix", "--since", "10m");

        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z new line\n$", run.Out);
    }
}
