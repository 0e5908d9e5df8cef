using ComposeEcs.Aws.Clients;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose;
using ComposeEcs.Ecs;
using ComposeEcs.TestSupport;

namespace ComposeEcs.Deploy.Tests;

/// <summary>
/// <c>logs</c> reads where the template sends each service's logs, as the stack's outputs say (issue #12): a custom
/// <c>awslogs-group</c> and stream prefix, not the group derived from the project name.
/// </summary>
public sealed class CustomLogGroupTests
{
    private static async Task DeployCaseAsync(Emulator emulator, string name)
    {
        var directory = Path.Combine(Repository.Cases("convert"), name);
        var loaded = ComposeLoader.Load(new LoadOptions { WorkingDirectory = directory });
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var converted = ComposeTransform.Convert(loaded.Value!);
        Assert.True(converted.Succeeded, string.Join("\n", converted.Diagnostics));
        var project = loaded.Value!;
        var request = new UpRequest(StackNames.For(project.Name), project.Name, TemplateWriter.ToJson(converted.Value!.ToTree()),
            [new StackParameter("VpcId", "vpc-0default"), new StackParameter("SubnetIds", "subnet-0default1a,subnet-0default1b")]);
        var result = await new UpOperation(emulator.Aws, Emulator.FastTimings).RunAsync(request, new EventLog(), CancellationToken.None);
        Assert.True(result.Outcome == UpOutcome.Deployed, $"{result.Outcome}: {result.Failure}");
    }

    [Fact]
    public async Task Logs_read_a_custom_log_group_and_stream_prefix_from_the_stack_outputs()
    {
        await using var emulator = await Emulator.StartAsync();
        await DeployCaseAsync(emulator, "logging-custom-group");
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-5);
        emulator.Server.PutLogEvents("/ecs/storefront", "storefront/web/task1", (t0, "web one"), (t0.AddSeconds(3), "web two"));
        emulator.Server.PutLogEvents("/shared/existing", "shop/api/task2", (t0.AddSeconds(1), "api one"));
        emulator.Server.PutLogEvents("/docker-compose/shop", "shop/worker/task3", (t0.AddSeconds(2), "worker one"));
        var reader = new LogReader(emulator.Aws, Emulator.FastTimings);

        var all = await reader.ReadAsync(new LogsRequest("shop", []), CancellationToken.None).ToListAsync();
        var web = await reader.ReadAsync(new LogsRequest("shop", ["web"]), CancellationToken.None).ToListAsync();
        var tail = await reader.ReadAsync(new LogsRequest("shop", ["web", "worker"], Tail: 1), CancellationToken.None).ToListAsync();

        Assert.Equal(["web one", "api one", "worker one", "web two"], all.Select(l => l.Message));
        Assert.Equal(["web one", "web two"], web.Select(l => l.Message));
        Assert.Equal(["worker one", "web two"], tail.Select(l => l.Message));
    }

    [Fact]
    public async Task The_template_creates_the_custom_log_group_so_tasks_can_log_to_it()
    {
        await using var emulator = await Emulator.StartAsync();
        await DeployCaseAsync(emulator, "logging-custom-group");

        var groups = emulator.Server.Stack(StackNames.For("shop"))!.Resources.Where(r => r.Type == "AWS::Logs::LogGroup").Select(r => r.PhysicalId);

        Assert.Equal(["/docker-compose/shop", "/ecs/storefront"], groups.Order(StringComparer.Ordinal));
    }
}
