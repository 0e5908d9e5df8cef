using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;
using ComposeEcs.Deploy.Images;
using ComposeEcs.Ecs;

namespace ComposeEcs.Deploy.Tests;

/// <summary>build.cache_from and a host/none build.network reach docker build; build.platforms and a project network are warned about where they are written.</summary>
public sealed class BuildFieldsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("compose-ecs-build-fields-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ComposeProject Load(string build)
    {
        File.WriteAllText(Path.Combine(_dir, "compose.yaml"), "name: shop\nservices:\n  api:\n    build:\n      context: .\n" + build);
        var loaded = ComposeLoader.Load(new LoadOptions { WorkingDirectory = _dir, Environment = new Dictionary<string, string>() });
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return loaded.Value!;
    }

    private static IReadOnlyList<string> Arguments(ComposeProject project, bool buildx = true) =>
        DockerBuildArguments.For(project, BuiltImages.Of(project).Single(), buildx, "shop/api:up", "/tmp/iid", fresh: false).Arguments!;

    private static IEnumerable<string> Warnings(ComposeProject project) =>
        ComposeTransform.Convert(project).Diagnostics.Where(d => d.Severity == Severity.Warning).Select(d => d.ToString());

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Cache_sources_are_passed_to_docker_build(bool buildx)
    {
        var project = Load("      cache_from:\n        - ghcr.io/shop/api:cache\n        - type=local,src=/tmp/cache\n");

        var args = Arguments(project, buildx);

        Assert.Equal(["--cache-from", "ghcr.io/shop/api:cache", "--cache-from", "type=local,src=/tmp/cache"], args.SkipWhile(a => a != "--cache-from").Take(4));
        Assert.DoesNotContain(Warnings(project), w => w.Contains("cache_from", StringComparison.Ordinal));
    }

    [Fact]
    public void A_host_network_is_passed_to_docker_build()
    {
        var project = Load("      network: host\n");

        Assert.Equal(["--network", "host"], Arguments(project).SkipWhile(a => a != "--network").Take(2));
        Assert.Empty(Warnings(project));
    }

    [Fact]
    public void A_network_of_the_project_is_not_passed_and_is_warned_about_at_its_line()
    {
        var project = Load("      network: backend\n");

        Assert.DoesNotContain("--network", Arguments(project));
        var warning = Assert.Single(Warnings(project));
        Assert.StartsWith("compose.yaml:6:7: warning CE2003: service \"api\": build.network: \"backend\" is ignored: it is not a network of the machine that builds", warning);
    }

    [Fact]
    public void Platforms_other_than_the_tasks_are_warned_about_as_not_built()
    {
        var project = Load("      platforms: [linux/amd64, linux/arm64, linux/arm/v7]\n");

        Assert.Equal(["--platform", "linux/amd64"], Arguments(project).SkipWhile(a => a != "--platform").Take(2));
        var warning = Assert.Single(Warnings(project));
        Assert.Equal("compose.yaml:6:7: warning CE2003: service \"api\": build.platforms: only linux/amd64 is built, the platform its tasks run on; linux/arm64, linux/arm/v7 are not built or pushed", warning);
    }

    [Fact]
    public void Platforms_that_are_only_the_tasks_own_say_nothing()
    {
        var project = Load("      platforms: [linux/amd64]\n");

        Assert.Empty(Warnings(project));
    }
}
