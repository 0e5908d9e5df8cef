using ComposeEcs.CloudFormation;

namespace ComposeEcs.Ecs.Tests;

public class ImagesTests
{
    private static Service Built(string name, string context, string? image = null) =>
        Service(name) with { Image = image, Build = new BuildConfig(context) };

    [Fact]
    public void A_build_service_runs_the_image_parameter_described_by_its_context()
    {
        var template = Transform.Ok(Project(Built("api", "/work/demo/api")));
        Assert.Equal(Fn.Ref("ApiImage"), template.Container("api")["Image"]);
        var parameter = template.Parameters["ApiImage"];
        Assert.Equal("String", parameter.Type);
        Assert.Equal("built from ./api", parameter.Description);
        Assert.Null(parameter.Default);
    }

    [Fact]
    public void A_build_service_with_an_image_is_still_built_without_a_warning()
    {
        var project = Project(Built("web", "/work/demo", image: "example/web:1"));
        Assert.Empty(Transform.Warnings(project));
        Assert.Equal(Fn.Ref("WebImage"), Transform.Ok(project).Container("web")["Image"]);
    }

    [Fact]
    public void Services_without_build_keep_their_image_and_get_no_parameter()
    {
        var template = Transform.Ok(Project(Service("db", "postgres:16")));
        Assert.Equal(new Str("postgres:16"), template.Container("db")["Image"]);
        Assert.DoesNotContain(template.Parameters.Keys, k => k.EndsWith("Image", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "linux/amd64")]
    [InlineData("linux/arm64", "linux/arm64")]
    [InlineData("linux/amd64", "linux/amd64")]
    public void The_build_platform_is_the_task_platform(string? platform, string expected)
    {
        var built = Assert.Single(BuiltImages.Of(Project(Built("api", "/work/demo/api") with { Platform = platform })));
        Assert.Equal(expected, built.Platform);
    }

    [Theory]
    [InlineData("/work/demo", ".")]
    [InlineData("/work/demo/services/api", "./services/api")]
    [InlineData("/work/shared/web", "../shared/web")]
    [InlineData("https://github.com/example/app.git#main", "https://github.com/example/app.git#main")]
    public void The_context_is_shown_as_written_relative_to_the_project(string context, string shown)
    {
        Assert.Equal(shown, BuiltImages.ContextText(Project(), context));
    }

    [Fact]
    public void An_external_volume_named_like_a_docker_volume_becomes_a_file_system_parameter()
    {
        var app = Service("app") with { Volumes = [new ServiceVolume("volume", "/data") { Source = "uploads" }] };
        var project = Project(app) with
        {
            Volumes = Maps.From([KeyValuePair.Create("uploads", new Compose.Model.Volume("uploads") { Name = "shop-uploads", External = true })]),
        };
        var template = Transform.Ok(project);
        Assert.Equal("id of the EFS file system tagged Name=shop-uploads", template.Parameters["UploadsFilesystemId"].Description);
        Assert.Equal(Fn.Ref("UploadsFilesystemId"), template.Properties("UploadsAccessPoint")["FileSystemId"]);
        var parameter = Assert.Single(ExternalVolumes.Of(project));
        Assert.Equal(("UploadsFilesystemId", "uploads", "shop-uploads"), (parameter.ParameterName, parameter.Volume, parameter.Name));
    }
}
