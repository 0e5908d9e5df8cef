using ComposeEcs.Cli.Rendering;

namespace ComposeEcs.Cli.Tests;

public sealed class StoppedWatchingTests
{
    [Fact]
    public void After_the_deployment_started_the_message_says_it_continues_and_how_to_watch_it()
    {
        var line = StoppedWatchingMessages.Up("shop", started: true, "cloudformation DescribeStacks failed: Throttling: Rate exceeded");

        Assert.StartsWith("Stopped watching (cloudformation DescribeStacks failed: Throttling: Rate exceeded): the deployment of shop continues in AWS.", line);
        Assert.Contains("'compose-ecs ls'", line);
        Assert.Equal(3, ExitCodes.StoppedWatching);
    }

    [Fact]
    public void When_it_cannot_tell_the_message_does_not_guess()
    {
        Assert.StartsWith("Could not tell whether the deployment of shop started", StoppedWatchingMessages.Up("shop", started: false, "could not reach 127.0.0.1"));
        Assert.StartsWith("Could not tell whether the deletion of shop was requested", StoppedWatchingMessages.Down("shop", started: false, null));
        Assert.StartsWith("Stopped watching (AWS did not answer): the deletion of shop continues in AWS.", StoppedWatchingMessages.Down("shop", started: true, null));
    }
}
