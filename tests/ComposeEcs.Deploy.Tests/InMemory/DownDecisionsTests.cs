using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy.Tests.InMemory;

/// <summary>What <c>down</c> decides, against CloudFormation in memory.</summary>
public sealed class DownDecisionsTests
{
    private static readonly DeployTimings Instant = new(TimeSpan.FromMilliseconds(1));
    private readonly InMemoryStacks _cfn = new();

    private Task<DownResult> Down() => new DownOperation(_cfn, Instant).RunAsync("shop", new EventLog(), CancellationToken.None);

    [Fact]
    public async Task A_project_that_is_not_deployed_is_not_found_and_nothing_is_deleted()
    {
        var result = await Down();

        Assert.Equal(DownOutcome.NotFound, result.Outcome);
        Assert.Empty(_cfn.Calls);
    }

    [Fact]
    public async Task The_file_systems_cloudformation_kept_are_listed_with_their_ids()
    {
        _cfn.Existing("shop", "CREATE_COMPLETE");
        _cfn.Resources.Add(new StackResource("WebService", "arn:aws:ecs:us-east-1:123456789012:service/shop/web", "AWS::ECS::Service", "CREATE_COMPLETE", null, null));
        _cfn.Resources.Add(new StackResource("DataFilesystem", "fs-0123456789abcdef0", "AWS::EFS::FileSystem", "CREATE_COMPLETE", "Retain", null));

        var result = await Down();

        Assert.Equal(DownOutcome.Deleted, result.Outcome);
        Assert.Equal([new RetainedResource("DataFilesystem", "AWS::EFS::FileSystem", "fs-0123456789abcdef0")], result.Retained);
    }

    [Fact]
    public async Task The_file_systems_the_template_declares_kept_are_listed_by_its_outputs_not_by_the_events_seen()
    {
        // The stack's outputs say what it keeps (Ecs.KeptFileSystems); no DELETE_SKIPPED event is needed to know it.
        _cfn.Existing("shop", "CREATE_COMPLETE",
            new StackOutput("DbdataFilesystemKept", "fs-0123456789abcdef0", "compose-ecs kept file system of volume db-data", null));

        var result = await Down();

        Assert.Equal(DownOutcome.Deleted, result.Outcome);
        Assert.Equal([new RetainedResource("DbdataFilesystem", "AWS::EFS::FileSystem", "fs-0123456789abcdef0")], result.Retained);
    }
}
