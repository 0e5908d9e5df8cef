using ComposeEcs.Compose;
using ComposeEcs.Deploy.Images;
using ComposeEcs.Ecs;

namespace ComposeEcs.Deploy.Tests;

/// <summary>Which builds up runs and in which order: one per distinct image, images built FROM another build's image after it.</summary>
public sealed class BuildPlanTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("compose-ecs-build-plan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IReadOnlyList<BuiltImage> Images(string services)
    {
        File.WriteAllText(Path.Combine(_dir, "compose.yaml"), "name: tracker\nservices:\n" + services);
        var loaded = ComposeLoader.Load(new LoadOptions { WorkingDirectory = _dir, Environment = new Dictionary<string, string>() });
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return BuiltImages.Of(loaded.Value!);
    }

    [Fact]
    public void A_build_from_another_builds_image_runs_after_it_whatever_the_names()
    {
        var images = Images("""
              a-cleanup:
                image: cleanup-local
                build: {context: ./cron, args: {BASE_IMAGE: zeta-local}}
              zeta:
                image: zeta-local
                build: ./zeta
              api:
                build: ./api
            """);

        Assert.Equal(["api", "zeta", "a-cleanup"], BuildPlan.Order(images).Select(i => i.Service));
    }

    [Fact]
    public void Services_building_the_same_image_share_the_first_ones_build_and_repository()
    {
        var images = Images("""
              worker:
                image: app-local
                build: {context: ./app, args: {VERSION: "1"}}
              web:
                image: app-local
                build: {context: ./app, args: {VERSION: "1"}}
              other:
                image: app-local
                build: {context: ./app, args: {VERSION: "2"}}
              plain:
                build: ./app
              plain2:
                build: ./app
            """);

        Assert.Equal(["other", "plain", "plain2", "web", "web"], images.Select(i => BuildPlan.Leader(i, images).Service));
        Assert.Equal("tracker/web", BuildPlan.RepositoryOf("tracker", images.Single(i => i.Service == "worker"), images));
    }
}
