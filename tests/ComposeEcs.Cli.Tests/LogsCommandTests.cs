using ComposeEcs.Aws.Credentials;
namespace ComposeEcs.Cli.Tests;

public sealed class LogsCommandTests
{
    private const string TwoServices = """
        name: demo
        services:
          web:
            image: nginx:1.27
          db:
            image: postgres:16
        """;

    private static UpTestSupport WithLogs(UpTestSupport t)
    {
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-3);
        t.Server.PutLogEvents("/docker-compose/demo", "demo/web/aaaa", (t0, "GET / 200"), (t0.AddSeconds(2), "GET /health 200"));
        t.Server.PutLogEvents("/docker-compose/demo", "demo/db/bbbb", (t0.AddSeconds(1), "ready to accept connections"));
        return t;
    }

    [Fact]
    public async Task Logs_prefix_each_line_with_its_service_in_time_order()
    {
        await using var t = WithLogs(await UpTestSupport.StartAsync());
        t.WriteCompose(TwoServices);

        var run = await t.RunAsync("logs");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["web  | GET / 200", "db   | ready to accept connections", "web  | GET /health 200"], Lines(run.Out));
    }

    [Fact]
    public async Task Logs_of_named_services_with_tail_and_timestamps()
    {
        await using var t = WithLogs(await UpTestSupport.StartAsync());
        t.WriteCompose(TwoServices);

        var run = await t.RunAsync("logs", "web", "--tail", "1", "--timestamps");

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(Lines(run.Out));
        Assert.Matches(@"^web  \| \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z GET /health 200$", line);
    }

    [Fact]
    public async Task Logs_follow_prints_new_lines_until_cancelled_and_exits_0()
    {
        await using var t = WithLogs(await UpTestSupport.StartAsync());
        t.WriteCompose(TwoServices);
        using var cancel = new CancellationTokenSource();
        var output = new StringWriter();
        var context = new CliContext(TextWriter.Synchronized(output), new StringWriter(), t.Environment(), t.Directory) { AwsSdkFallback = new NoSdkFallback() };

        var run = CliApp.RunAsync(["logs", "-f", "--no-color"], context, cancel.Token);
        await WaitForAsync(() => output.ToString().Contains("GET /health 200"));
        t.Server.PutLogEvents("/docker-compose/demo", "demo/db/bbbb", (DateTimeOffset.UtcNow, "checkpoint complete"));
        await WaitForAsync(() => output.ToString().Contains("checkpoint complete"));
        await cancel.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Single(Lines(output.ToString()), l => l.Contains("checkpoint complete"));
    }

    [Fact]
    public async Task An_unknown_service_is_bad_input()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);

        var run = await t.RunAsync("logs", "nope");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no such service: nope", run.Error);
    }

    [Fact]
    public async Task A_since_that_is_neither_duration_nor_timestamp_is_bad_input()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);

        var run = await t.RunAsync("logs", "--since", "yesterday");

        Assert.True(run.ExitCode == 2, run.ToString());
    }

    [Fact]
    public async Task A_tail_that_is_not_a_number_is_one_line_of_bad_input()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);

        var run = await t.RunAsync("logs", "--tail", "abc");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("error CE4002: --tail: \"abc\" is not a number", run.Error.Trim());
    }

    [Fact]
    public async Task Tail_all_prints_everything_and_file_keeps_its_long_form()
    {
        await using var t = WithLogs(await UpTestSupport.StartAsync());
        t.WriteCompose(TwoServices, "other.yaml");

        var run = await t.RunAsync("logs", "--file", "other.yaml", "--tail", "all");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, Lines(run.Out).Count);
    }

    private static List<string> Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in 20s");
            await Task.Delay(10);
        }
    }
}
