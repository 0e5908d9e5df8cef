using ComposeEcs.FakeAws;
using ComposeEcs.TestSupport;

namespace ComposeEcs.Cli.Tests;

/// <summary>
/// tests/corpus/sentry-self-hosted (getsentry/self-hosted's 56 services, as its .env enables them) through <c>up</c>
/// and <c>down</c> against the emulator, its five distinct images built by the fake docker and pushed to ECR.
/// </summary>
public sealed class RealLargeProjectUpTests
{
    private static readonly string[] ExternalVolumes =
        ["sentry-data", "sentry-postgres", "sentry-redis", "sentry-zookeeper", "sentry-kafka", "sentry-clickhouse", "sentry-symbolicator"];

    private static void CopyCorpus(string app, string to)
    {
        var from = Path.Combine(Repository.Root, "tests", "corpus", app);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    [Fact]
    public async Task Self_hosted_sentry_builds_each_image_once_deploys_its_56_services_and_goes_away()
    {
        await using var t = await UpTestSupport.StartAsync(new FakeAwsOptions { ResourceDelay = TimeSpan.FromMilliseconds(1), PageSize = 100 });
        using var docker = new FakeDocker();
        CopyCorpus("sentry-self-hosted", t.Directory);
        foreach (var (volume, i) in ExternalVolumes.Select((v, i) => (v, i)))
            t.Server.AddFileSystem($"fs-0{i:D16}", volume);
        var environment = docker.Environment(t.Environment());

        var up = await UpTestSupport.RunInAsync(t.Directory, environment, CancellationToken.None, "up");

        Assert.True(up.ExitCode == 0, up.ToString());
        var builds = docker.CallsOf("build").ToList();
        Assert.Equal(5, builds.Count);
        var sentry = Assert.Single(builds, b => b[^1] == Path.Combine(t.Directory, "sentry"));
        Assert.Contains("SENTRY_IMAGE=getsentry/sentry:24.5.0", sentry);
        Assert.Contains("sentry-self-hosted-local", sentry);
        Assert.True(builds.IndexOf(sentry) < builds.FindIndex(b => b.Contains("BASE_IMAGE=sentry-self-hosted-local")), "sentry-cleanup is built FROM the sentry image");
        Assert.Equal(5, t.Server.Repositories.Count);
        Assert.Single(up.Out.Split('\n'), l => l.StartsWith("Services billing-metrics-consumer, cron, ", StringComparison.Ordinal) && l.EndsWith(" use the image built for attachments-consumer", StringComparison.Ordinal));
        var stack = t.Server.Stack("sentry-self-hosted")!;
        Assert.Equal("CREATE_COMPLETE", stack.Status);
        Assert.Equal(stack.Parameters["AttachmentsconsumerImage"], stack.Parameters["WebImage"]);
        Assert.Equal(stack.Parameters["AttachmentsconsumerImage"], stack.Parameters["WorkerImage"]);
        Assert.NotEqual(stack.Parameters["WebImage"], stack.Parameters["SentrycleanupImage"]);
        var ps = await UpTestSupport.RunInAsync(t.Directory, environment, CancellationToken.None, "ps");
        Assert.Equal(57, ps.Out.Trim().Split('\n').Length);

        var down = await UpTestSupport.RunInAsync(t.Directory, environment, CancellationToken.None, "down");

        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.DoesNotContain(t.Server.Stacks, s => s.StackName.StartsWith("sentry-self-hosted", StringComparison.Ordinal) && s.Status != "DELETE_COMPLETE");
        Assert.Contains("Kept the ECR repositories of ", down.Out);
    }
}
