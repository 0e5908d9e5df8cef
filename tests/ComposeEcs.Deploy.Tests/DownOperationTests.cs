using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy.Tests;

public sealed class DownOperationTests
{
    private static async Task DeployAsync(Emulator emulator) =>
        await new UpOperation(emulator.Aws, Emulator.FastTimings).RunAsync(
            new UpRequest("demo", "demo", Templates.WebApp(), [new StackParameter("VpcId", "vpc-0default"), new StackParameter("SubnetIds", "subnet-0default1a,subnet-0default1b")]),
            new EventLog(), CancellationToken.None);

    [Fact]
    public async Task Down_deletes_the_stack_and_reports_the_retained_file_systems()
    {
        await using var emulator = await Emulator.StartAsync();
        await DeployAsync(emulator);
        var log = new EventLog();

        var result = await new DownOperation(emulator.Aws, Emulator.FastTimings).RunAsync("demo", log, CancellationToken.None);

        Assert.Equal(DownOutcome.Deleted, result.Outcome);
        var retained = Assert.Single(result.Retained);
        Assert.Equal("DataFileSystem", retained.LogicalId);
        Assert.StartsWith("fs-", retained.PhysicalId);
        Assert.Contains(log.OfType<ResourceStatusChanged>(), e => e is { LogicalId: "WebService", Status: "DELETE_COMPLETE" });
        Assert.Equal("delete", Assert.Single(log.OfType<StackOperationStarted>()).Operation);
        Assert.Null(emulator.Server.Stack("demo"));
    }

    [Fact]
    public async Task Down_of_a_missing_stack_is_not_found()
    {
        await using var emulator = await Emulator.StartAsync();

        var result = await new DownOperation(emulator.Aws, Emulator.FastTimings).RunAsync("nothing", new EventLog(), CancellationToken.None);

        Assert.Equal(DownOutcome.NotFound, result.Outcome);
        Assert.DoesNotContain(emulator.Server.Requests, r => r.Action == "DeleteStack");
    }
}
