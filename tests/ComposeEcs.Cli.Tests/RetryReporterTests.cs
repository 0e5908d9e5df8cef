using ComposeEcs.Aws.Http;
using ComposeEcs.Cli.Messages;

namespace ComposeEcs.Cli.Tests;

public sealed class RetryReporterTests
{
    private sealed class ManualTime : TimeProvider
    {
        public long Ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
        public void Advance(TimeSpan by) => Ticks += by.Ticks;
    }

    private static AwsRequestLog Failed(int attempt, string code = "Throttling", int status = 400) =>
        new("cloudformation", "DescribeStacks", attempt, status, code, null, TimeSpan.FromMilliseconds(50));

    [Fact]
    public void Retries_within_the_first_second_are_quiet_and_later_ones_one_line_each()
    {
        var time = new ManualTime();
        var error = new StringWriter();
        var reporter = new RetryReporter(error, new RetryPolicy(8, TimeSpan.Zero, TimeSpan.Zero), time);

        reporter.Observe(Failed(1));
        time.Advance(TimeSpan.FromMilliseconds(400));
        reporter.Observe(Failed(2));
        time.Advance(TimeSpan.FromMilliseconds(700));
        reporter.Observe(Failed(3));
        reporter.Observe(Failed(4, "NetworkError", 0));

        Assert.Equal(
            "note: retrying cloudformation DescribeStacks (4/8): Throttling\n" +
            "note: retrying cloudformation DescribeStacks (5/8): NetworkError\n",
            error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Final_and_non_retryable_failures_are_not_announced_as_retries()
    {
        var time = new ManualTime();
        var error = new StringWriter();
        var reporter = new RetryReporter(error, new RetryPolicy(3, TimeSpan.Zero, TimeSpan.Zero), time);

        reporter.Observe(Failed(1));
        time.Advance(TimeSpan.FromSeconds(2));
        reporter.Observe(Failed(2, "ValidationError"));
        reporter.Observe(Failed(3));

        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task An_unreachable_endpoint_says_it_is_retrying_on_stderr()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var directory = Directory.CreateTempSubdirectory("compose-ecs-retry-").FullName;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{port}",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["HOME"] = directory,
        };
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var run = await UpTestSupport.RunInAsync(directory, environment, cancel.Token, "ls");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"note: retrying cloudformation \w+ \(\d/8\): NetworkError\n", run.Error);
        Assert.Contains($"could not reach 127.0.0.1:{port}", run.Error);
    }
}
