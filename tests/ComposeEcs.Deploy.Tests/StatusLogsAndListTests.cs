using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy.Tests;

public sealed class StatusLogsAndListTests
{
    private static async Task DeployAsync(Emulator emulator, int replicas = 2) =>
        await new UpOperation(emulator.Aws, Emulator.FastTimings).RunAsync(
            new UpRequest("demo", "demo", Templates.WebApp(replicas), [new StackParameter("VpcId", "vpc-0default"), new StackParameter("SubnetIds", "subnet-0default1a,subnet-0default1b")]),
            new EventLog(), CancellationToken.None);

    [Fact]
    public async Task Ps_lists_each_service_with_desired_and_running_tasks()
    {
        await using var emulator = await Emulator.StartAsync();
        await DeployAsync(emulator);

        var status = await new ProjectStatusReader(emulator.Aws).ReadAsync("demo", null, includeTasks: true, CancellationToken.None);

        Assert.Equal("CREATE_COMPLETE", status.StackStatus);
        var service = Assert.Single(status.Services);
        Assert.Equal(2, service.Desired);
        Assert.Equal(2, service.Running);
        Assert.Equal(2, status.Tasks.Count);
        Assert.All(status.Tasks, t => Assert.Equal("RUNNING", t.Status));
        Assert.All(status.Tasks, t => Assert.Matches("^[0-9a-f]{32}$", t.TaskId));
        Assert.All(status.Tasks, t => Assert.StartsWith("172.31.", t.Ip));
    }

    [Fact]
    public async Task Ps_of_a_project_that_is_not_deployed_has_no_stack_status()
    {
        await using var emulator = await Emulator.StartAsync();

        var status = await new ProjectStatusReader(emulator.Aws).ReadAsync("demo", null, includeTasks: false, CancellationToken.None);

        Assert.Null(status.StackStatus);
        Assert.Empty(status.Services);
    }

    [Fact]
    public async Task Logs_read_every_service_oldest_first_and_tail_keeps_the_last_lines_of_each()
    {
        await using var emulator = await Emulator.StartAsync();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-5);
        emulator.Server.PutLogEvents("/docker-compose/demo", "demo/web/task1", (t0, "web one"), (t0.AddSeconds(2), "web two"), (t0.AddSeconds(4), "web three"));
        emulator.Server.PutLogEvents("/docker-compose/demo", "demo/db/task2", (t0.AddSeconds(1), "db one"), (t0.AddSeconds(3), "db two"));
        var reader = new LogReader(emulator.Aws, Emulator.FastTimings);

        var all = await reader.ReadAsync(new LogsRequest("demo", []), CancellationToken.None).ToListAsync();
        var tail = await reader.ReadAsync(new LogsRequest("demo", [], Tail: 1), CancellationToken.None).ToListAsync();
        var web = await reader.ReadAsync(new LogsRequest("demo", ["web"]), CancellationToken.None).ToListAsync();

        Assert.Equal(["web one", "db one", "web two", "db two", "web three"], all.Select(l => l.Message));
        Assert.Equal(["db two", "web three"], tail.Select(l => l.Message));
        Assert.Equal(["web", "web", "web"], web.Select(l => l.Service));
        Assert.Equal("task1", web[0].TaskId);
    }

    [Fact]
    public async Task Logs_since_drop_older_events()
    {
        await using var emulator = await Emulator.StartAsync();
        var now = DateTimeOffset.UtcNow;
        emulator.Server.PutLogEvents("/docker-compose/demo", "demo/web/task1", (now.AddHours(-2), "old"), (now.AddMinutes(-1), "new"));

        var lines = await new LogReader(emulator.Aws, Emulator.FastTimings)
            .ReadAsync(new LogsRequest("demo", [], Since: Durations.ParseSince("10m", now)), CancellationToken.None).ToListAsync();

        Assert.Equal(["new"], lines.Select(l => l.Message));
    }

    [Fact]
    public async Task Follow_prints_new_events_until_cancelled()
    {
        await using var emulator = await Emulator.StartAsync();
        var now = DateTimeOffset.UtcNow;
        emulator.Server.PutLogEvents("/docker-compose/demo", "demo/web/task1", (now.AddSeconds(-10), "before"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = new List<string>();

        await foreach (var line in new LogReader(emulator.Aws, Emulator.FastTimings).ReadAsync(new LogsRequest("demo", [], Follow: true), cancel.Token))
        {
            seen.Add(line.Message);
            if (line.Message == "before")
                emulator.Server.PutLogEvents("/docker-compose/demo", "demo/web/task1", (DateTimeOffset.UtcNow, "after"));
            if (line.Message == "after")
                await cancel.CancelAsync();
        }

        Assert.Equal(["before", "after"], seen);
    }

    [Fact]
    public async Task Logs_of_a_project_without_a_log_group_are_empty()
    {
        await using var emulator = await Emulator.StartAsync();

        var lines = await new LogReader(emulator.Aws, Emulator.FastTimings).ReadAsync(new LogsRequest("none", []), CancellationToken.None).ToListAsync();

        Assert.Empty(lines);
    }

    [Fact]
    public async Task Ls_lists_stacks_carrying_the_project_tag()
    {
        await using var emulator = await Emulator.StartAsync();
        await DeployAsync(emulator);

        var projects = await new ProjectLister(emulator.Aws).ListAsync(CancellationToken.None);

        var project = Assert.Single(projects);
        Assert.Equal(("demo", "demo", "CREATE_COMPLETE"), (project.Name, project.StackName, project.Status));
        Assert.NotNull(project.LastUpdated);
    }
}
