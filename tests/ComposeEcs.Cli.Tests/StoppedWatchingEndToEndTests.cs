using ComposeEcs.Aws.Credentials;
using ComposeEcs.Aws.Http;

namespace ComposeEcs.Cli.Tests;

/// <summary>
/// <c>up</c> against the emulator when polling is throttled past every retry after the change set was executed: it
/// stops watching, says the deployment goes on in AWS and how to watch it, and exits 3, while the stack does go on.
/// </summary>
public sealed class StoppedWatchingEndToEndTests
{
    /// <summary>The default number of attempts, with waits of a millisecond instead of up to 20 seconds.</summary>
    private static readonly RetryPolicy QuickRetries = RetryPolicy.Default with { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };

    [Fact]
    public async Task A_throttling_burst_while_deploying_exits_3_saying_the_deployment_continues_and_how_to_watch_it()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        using var hold = t.Server.HoldResources();
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, t.Environment(), t.Directory) { AwsSdkFallback = new NoSdkFallback(), AwsRetry = QuickRetries };

        var up = CliApp.RunAsync(["up"], context);
        await t.Server.WaitForRequestAsync("ExecuteChangeSet");
        t.Server.ThrottleNext("DescribeStacks", 1_000);
        t.Server.ThrottleNext("DescribeStackEvents", 1_000);
        var exit = await up;

        Assert.True(exit == 3, $"exit {exit}\n{output}\n{error}");
        var message = Assert.Single(error.ToString().Split('\n'), l => l.StartsWith("Stopped watching", StringComparison.Ordinal));
        Assert.Contains("Throttling", message);
        Assert.Contains("the deployment of demo continues in AWS", message);
        Assert.Contains("Watch it with 'compose-ecs ls' and 'compose-ecs ps', or run 'compose-ecs up' again to wait for it.", message);
        Assert.DoesNotContain("error:", error.ToString());
        Assert.Equal("CREATE_IN_PROGRESS", t.Server.Stack("demo")!.Status);

        hold.Release();
        await t.Server.WaitForStackStatusAsync("demo", "CREATE_COMPLETE");
    }
}
