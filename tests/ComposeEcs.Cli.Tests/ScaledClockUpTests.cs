using System.Text.RegularExpressions;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Timing;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Cli.Tests;

/// <summary>
/// <c>up</c> of a sample on the emulator's scaled clock, where each resource takes the deploy-time model's time for it
/// (scaled down): what <c>up</c> prints comes in dependency order and in the model's order, and the stack takes the
/// model's critical path in the emulator's modeled time. Wall-clock durations are never asserted.
/// </summary>
public sealed partial class ScaledClockUpTests
{
    /// <summary>1/250: the modeled 5-minute deploy takes about 1.2 s.</summary>
    private const double Scale = 1.0 / 250;

    [Fact]
    public async Task Up_of_a_sample_on_the_scaled_clock_prints_events_in_dependency_order_at_the_models_pace()
    {
        await using var t = await UpTestSupport.StartAsync(new FakeAwsOptions { TimeScale = Scale, PageSize = 100 });
        var directory = Path.Combine(UpTestSupport.SamplesDirectory(), "web-api-postgres-redis");
        var environment = t.Environment();
        environment["API_TOKEN"] = "token-from-environment";

        var run = await UpTestSupport.RunInAsync(directory, environment, CancellationToken.None, "up");

        Assert.True(run.ExitCode == 0, run.ToString());
        var took = t.Server.ModeledTime!.Value.TotalSeconds;
        var tree = (MapExpr)TemplateReader.FromJson(t.Server.Stack("shop")!.TemplateBody!);
        var graph = DependencyGraph.Of(tree).Dependencies;
        var printed = ResourceLines(run.Out);
        int Index(string id, string status) => printed.IndexOf((id, status)) is var i and >= 0 ? i : throw new Xunit.Sdk.XunitException($"{id} {status} not printed:\n{run.Out}");
        foreach (var (id, needs) in graph)
            foreach (var need in needs)
                Assert.True(Index(need, "CREATE_COMPLETE") < Index(id, "CREATE_IN_PROGRESS"), $"{id} started before {need} was complete:\n{run.Out}");

        var finish = CriticalPath.Of(graph, id => ResourceDurations.Seconds(tree, id, ResourceOperation.Create));
        // The emulator's clock is a simulation: resources finish in the model's order whatever the machine's load.
        foreach (var (early, earlyAt) in finish.Finish)
            foreach (var (late, lateAt) in finish.Finish.Where(f => f.Value - earlyAt > 0.001))
                Assert.True(Index(early, "CREATE_COMPLETE") < Index(late, "CREATE_COMPLETE"),
                    $"modeled to finish at {earlyAt}s, {early} completed after {late} (modeled {lateAt}s):\n{run.Out}");
        Assert.Equal(finish.Path[^1], printed.Last(p => p.Status == "CREATE_COMPLETE").Id);
        Assert.Equal(finish.Total, took, 6);
    }

    [Fact]
    public async Task Down_of_a_sample_on_the_scaled_clock_deletes_each_resource_only_after_everything_that_needs_it()
    {
        await using var t = await UpTestSupport.StartAsync(new FakeAwsOptions { TimeScale = Scale, PageSize = 100 });
        var directory = Path.Combine(UpTestSupport.SamplesDirectory(), "webapp-postgres");
        Assert.Equal(0, (await UpTestSupport.RunInAsync(directory, t.Environment(), CancellationToken.None, "up")).ExitCode);
        var tree = (MapExpr)TemplateReader.FromJson(t.Server.Stack("notes")!.TemplateBody!);
        var before = t.Server.ModeledTime!.Value.TotalSeconds;

        var run = await UpTestSupport.RunInAsync(directory, t.Environment(), CancellationToken.None, "down");

        Assert.True(run.ExitCode == 0, run.ToString());
        var teardown = CriticalPath.Of(CriticalPath.Reversed(DependencyGraph.Of(tree).Dependencies), id => ResourceDurations.Seconds(tree, id, ResourceOperation.Delete));
        Assert.Equal(teardown.Total, t.Server.ModeledTime!.Value.TotalSeconds - before, 6);
        var printed = ResourceLines(run.Out);
        var deleted = printed.Where(p => p.Status is "DELETE_COMPLETE" or "DELETE_SKIPPED").Select(p => p.Id).ToList();
        var graph = DependencyGraph.Of(tree).Dependencies;
        Assert.Equal(graph.Keys.Order(StringComparer.Ordinal), deleted.Order(StringComparer.Ordinal));
        foreach (var (id, needs) in graph)
            foreach (var need in needs)
                Assert.True(deleted.IndexOf(id) < deleted.IndexOf(need), $"{need} was deleted before {id}, which needs it:\n{run.Out}");
        Assert.Matches(@"WebService\s+AWS::ECS::Service\s+DELETE_COMPLETE  \d+\.\ds", run.Out);
    }

    private static List<(string Id, string Status)> ResourceLines(string output) =>
        output.Split('\n').Select(l => ResourceLine().Match(l)).Where(m => m.Success && m.Groups[2].Value != "AWS::CloudFormation::Stack")
            .Select(m => (m.Groups[1].Value, m.Groups[3].Value)).ToList();

    [GeneratedRegex(@"^  (\S+)\s+(AWS::\S+)\s+([A-Z_]+)")]
    private static partial Regex ResourceLine();
}
