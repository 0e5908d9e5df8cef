using System.Text.Json;

namespace ComposeEcs.Cli.Tests;

public sealed class PsCommandTests
{
    private const string TwoServices = """
        name: demo
        services:
          web:
            image: nginx:1.27
            ports: ["80:80"]
            deploy:
              replicas: 2
          worker:
            image: busybox
        """;

    [Fact]
    public async Task Ps_shows_each_service_with_desired_and_running_tasks_and_its_endpoint()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);
        await t.RunAsync("up");

        var run = await t.RunAsync("ps");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"NAME\s+DESIRED\s+RUNNING\s+STATUS\s+PORTS", run.Out);
        Assert.Matches(@"web\s+2\s+2\s+ACTIVE\s+http://\S+", run.Out);
        Assert.Matches(@"worker\s+1\s+1\s+ACTIVE", run.Out);
    }

    [Fact]
    public async Task Ps_all_shows_one_row_per_task()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);
        await t.RunAsync("up");

        var run = await t.RunAsync("ps", "--all");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(run.Out, @"web\s+[0-9a-f]{32}\s+RUNNING").Count);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Out, @"worker\s+[0-9a-f]{32}\s+RUNNING\s+.*172\.31\."));
    }

    [Fact]
    public async Task Ps_format_json_is_an_array_of_services_with_their_tasks()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);
        await t.RunAsync("up");

        var run = await t.RunAsync("ps", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var services = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["web", "worker"], services.Select(s => s.GetProperty("Name").GetString()));
        Assert.Equal(2, services[0].GetProperty("Running").GetInt32());
        Assert.Equal(2, services[0].GetProperty("Tasks").GetArrayLength());
        Assert.StartsWith("http://", services[0].GetProperty("Endpoints")[0].GetString());
    }

    [Fact]
    public async Task Ps_of_a_project_that_is_not_deployed_says_so()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(TwoServices);

        var run = await t.RunAsync("ps");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("not deployed", run.Error);
    }
}
