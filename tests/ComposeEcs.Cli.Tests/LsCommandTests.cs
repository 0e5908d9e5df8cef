using System.Text.Json;

namespace ComposeEcs.Cli.Tests;

public sealed class LsCommandTests
{
    [Fact]
    public async Task Ls_lists_deployed_projects_with_status_and_last_update()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        await t.RunAsync("up");

        var run = await t.RunAsync("ls");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"NAME\s+STATUS\s+LAST UPDATED", run.Out);
        Assert.Matches(@"demo\s+CREATE_COMPLETE\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", run.Out);
    }

    [Fact]
    public async Task Ls_format_json_lists_name_status_and_stack()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);
        await t.RunAsync("up");

        var run = await t.RunAsync("ls", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var project = Assert.Single(JsonDocument.Parse(run.Out).RootElement.EnumerateArray());
        Assert.Equal("demo", project.GetProperty("Name").GetString());
        Assert.Equal("CREATE_COMPLETE", project.GetProperty("Status").GetString());
        Assert.Equal("demo", project.GetProperty("StackName").GetString());
    }

    [Fact]
    public async Task Ls_with_nothing_deployed_is_an_empty_list()
    {
        await using var t = await UpTestSupport.StartAsync();

        var run = await t.RunAsync("ls", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, JsonDocument.Parse(run.Out).RootElement.GetArrayLength());
    }
}
