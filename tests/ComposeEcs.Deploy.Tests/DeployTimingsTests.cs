namespace ComposeEcs.Deploy.Tests;

public class DeployTimingsTests
{
    [Fact]
    public void Default_polls_fast_at_first_and_backs_off_to_five_seconds()
    {
        var delays = Enumerable.Range(0, 8).Select(DeployTimings.Default.Delay).ToList();
        Assert.Equal(TimeSpan.FromSeconds(1), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(1.5), delays[1]);
        Assert.True(delays.Zip(delays.Skip(1)).All(p => p.First <= p.Second));
        Assert.Equal(TimeSpan.FromSeconds(5), delays[^1]);
        Assert.Equal(TimeSpan.FromSeconds(5), DeployTimings.Default.Delay(10_000));
    }

    [Fact]
    public void Poll_interval_variable_fixes_the_interval()
    {
        var timings = DeployTimings.FromEnvironment(name => name == DeployTimings.PollIntervalVariable ? "50ms" : null);
        Assert.Equal(TimeSpan.FromMilliseconds(50), timings.Delay(0));
        Assert.Equal(TimeSpan.FromMilliseconds(50), timings.Delay(20));
    }
}
