namespace ComposeEcs.Cli.Tests;

public sealed class DownCommandTests
{
    [Fact]
    public async Task Down_deletes_the_stack_with_one_line_per_event()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        await t.RunAsync("up");

        var run = await t.RunAsync("down");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Deleting stack demo", run.Out);
        Assert.Matches(@"WebService\s+AWS::ECS::Service\s+DELETE_COMPLETE", run.Out);
        Assert.Contains("Stack demo deleted", run.Out);
        Assert.Null(t.Server.Stack("demo"));
    }

    [Fact]
    public async Task Down_of_a_project_that_is_not_deployed_is_a_clear_message_and_exit_0()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);

        var run = await t.RunAsync("down");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Project demo is not deployed", run.Out);
    }

    [Fact]
    public async Task Down_by_project_name_works_without_compose_files()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        await t.RunAsync("up");
        File.Delete(Path.Combine(t.Directory, "compose.yaml"));

        var run = await t.RunAsync("down", "-p", "demo");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Null(t.Server.Stack("demo"));
    }

    [Fact]
    public async Task Down_reports_the_efs_file_systems_it_keeps_and_how_to_delete_them()
    {
        await using var t = await UpTestSupport.StartAsync();
        var directory = Path.Combine(UpTestSupport.SamplesDirectory(), "wordpress-mysql");
        await UpTestSupport.RunInAsync(directory, t.Environment(), CancellationToken.None, "up");
        var fileSystems = t.Server.Stacks.SelectMany(s => s.Resources).Where(r => r.Type == "AWS::EFS::FileSystem").ToList();
        Assert.NotEmpty(fileSystems);

        var run = await UpTestSupport.RunInAsync(directory, t.Environment(), CancellationToken.None, "down");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var fs in fileSystems)
            Assert.Contains($"aws efs delete-file-system --file-system-id {fs.PhysicalId}", run.Out);
    }

    [Fact]
    public async Task Ctrl_c_during_down_says_the_deletion_continues_and_exits_130()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        await t.RunAsync("up");
        using var cancel = new CancellationTokenSource();
        using var hold = t.Server.HoldResources();
        var run = UpTestSupport.RunInAsync(t.Directory, t.Environment(), cancel.Token, "down");
        await Task.WhenAny(run, t.Server.WaitForStackStatusAsync("demo", "DELETE_IN_PROGRESS"));
        await cancel.CancelAsync();

        var result = await run;

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("continues in AWS", result.Error);
        hold.Release();
        await t.Server.WaitForStackAsync("demo");
    }
}
