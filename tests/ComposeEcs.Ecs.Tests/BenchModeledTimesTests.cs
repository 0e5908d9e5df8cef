using ComposeEcs.CloudFormation.Timing;
using ComposeEcs.Compose;
using ComposeEcs.TestSupport;

namespace ComposeEcs.Ecs.Tests;

/// <summary>
/// bench/README.md's table of modeled deploy times is what the model computes on each sample's template today, so a
/// change that lengthens or shortens a path shows there; <c>UPDATE_GOLDEN=1</c> rewrites the rows.
/// </summary>
public sealed class BenchModeledTimesTests
{
    private const string Header = "| Sample | First deploy | Update of one service | Teardown |";

    [Fact]
    public void The_bench_readme_shows_the_modeled_times_of_every_sample()
    {
        var path = Path.Combine(Repository.Root, "bench", "README.md");
        var lines = File.ReadAllText(path).Split('\n').ToList();
        var header = lines.FindIndex(l => l.StartsWith(Header, StringComparison.Ordinal));
        Assert.True(header >= 0, $"bench/README.md has no line starting {Header}");
        var first = header + 2;
        var end = first;
        while (end < lines.Count && lines[end].StartsWith("| ", StringComparison.Ordinal)) end++;
        var rows = Directory.GetDirectories(Repository.Samples).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(s => Row(s!)).ToList();

        TestSupport.Golden.Verify(path, string.Join('\n', [.. lines[..first], .. rows, .. lines[end..]]));
    }

    private static string Row(string sample)
    {
        var tree = Convert(sample);
        var now = DeployTimeModel.Explain(tree);
        var before = DeployTimeModel.Explain(DeployTimeModel.WithAwsDefaults(tree));
        string Update(DeployTimes t) => t.ServiceUpdate is { } u ? $"{Durations.Short(u.Total)} ({u.Operation["update of ".Length..]})" : "none";
        var defaults = $"first deploy {Durations.Short(before.FirstDeploy.Total)}"
            + (before.ServiceUpdate is { } b ? $", {b.Operation} {Durations.Short(b.Total)}" : "")
            + $", teardown {Durations.Short(before.Teardown.Total)}";
        return $"| {sample} | {Durations.Short(now.FirstDeploy.Total)} | {Update(now)} | {Durations.Short(now.Teardown.Total)} | {defaults} |";
    }

    private static CloudFormation.MapExpr Convert(string sample)
    {
        var directory = Path.Combine(Repository.Samples, sample);
        // Production deploys use compose.prod.yaml (the dev override would make ./src an empty EFS volume).
        string[] files = sample == "dev-prod-override" ? ["compose.yaml", "compose.prod.yaml"] : [];
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = "/home/tester" };
        var loaded = ComposeLoader.Load(new LoadOptions { WorkingDirectory = directory, Files = [.. files], Environment = environment });
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var converted = ComposeTransform.Convert(loaded.Value!, new TransformOptions { LocalFiles = LocalFiles.Read(loaded.Value!, environment.GetValueOrDefault) });
        Assert.True(converted.Succeeded, string.Join("\n", converted.Diagnostics));
        return converted.Value!.ToTree();
    }
}
