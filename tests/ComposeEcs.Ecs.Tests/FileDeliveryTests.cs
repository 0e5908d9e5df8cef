using System.Collections.Immutable;
using System.Text;
using ComposeEcs.CloudFormation;

namespace ComposeEcs.Ecs.Tests;

/// <summary>How delivered files reach the container: volumes, init containers, budget and clashes.</summary>
public sealed class FileDeliveryTests
{
    private const string Root = "/work/demo";

    private static LocalFile Text(string path, string content) => new(path, [.. Encoding.UTF8.GetBytes(content)], false);

    private static (ComposeProject Project, TransformOptions Options) Mounting(params (string Source, string Target, LocalEntry Entry)[] mounts)
    {
        var project = Project(Service("web") with
        {
            Volumes = [.. mounts.Select(m => new ServiceVolume("bind", m.Target) { Source = $"{Root}/{m.Source}", WrittenSource = $"./{m.Source}", ReadOnly = true })],
        });
        var files = new LocalFiles { Entries = Maps.From(mounts.Select(m => KeyValuePair.Create($"{Root}/{m.Source}", m.Entry))) };
        return (project, new TransformOptions { LocalFiles = files });
    }

    private static LocalEntry File(string content) => new(LocalKind.File) { Files = [Text("", content)] };

    private static List<MapExpr> Containers(ComposeProject project, TransformOptions options)
    {
        var result = ComposeTransform.Convert(project, options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return [.. result.Value!.Properties(LogicalIds.TaskDefinition("web")).At("ContainerDefinitions").Items().OfType<MapExpr>()];
    }

    private static string Text(Expr? expr) => Assert.IsType<Str>(expr).Value;

    private static string Name(MapExpr container) => Text(container["Name"]);

    private static string Script(MapExpr container) => Text(container.At("Command.0"));

    [Fact]
    public void A_file_in_a_delivered_directory_goes_into_that_directory_volume_without_seeding()
    {
        var directory = new LocalEntry(LocalKind.Directory) { Files = [Text("default.conf", "server {}")] };
        var (project, options) = Mounting(("nginx", "/etc/nginx", directory), ("extra.conf", "/etc/nginx/conf.d/extra.conf", File("# extra")));

        var containers = Containers(project, options);

        Assert.DoesNotContain(containers, c => Name(c) == FileDeliveryInit.SeedName);
        var script = Script(Assert.Single(containers, c => Name(c) == FileDeliveryInit.WriterName));
        Assert.Contains("mkdir -p '/compose-ecs/files/1/conf.d'", script);
        Assert.Contains("> '/compose-ecs/files/1/conf.d/extra.conf'", script);
        Assert.Equal("/etc/nginx", Text(Assert.Single(containers, c => Name(c) == "web").At("MountPoints.0.ContainerPath")));
    }

    [Fact]
    public void Binary_content_travels_as_base64_and_text_as_it_is()
    {
        var binary = new LocalEntry(LocalKind.File) { Files = [new LocalFile("", [0, 1, 2, 255], false)] };
        var (project, options) = Mounting(("logo.ico", "/app/logo.ico", binary), ("app.conf", "/app/app.conf", File("a = 1\n")));

        var writer = Containers(project, options).Single(c => Name(c) == FileDeliveryInit.WriterName);

        Assert.Contains("| base64 -d > '/compose-ecs/files/1/logo.ico'", Script(writer));
        Assert.Equal(["AAEC/w==", "a = 1\n"], writer.At("Environment").Items().Select(e => Text(((MapExpr)e)["Value"])));
    }

    [Fact]
    public void Files_over_the_task_definition_budget_are_an_error_naming_the_service()
    {
        var half = new string('x', FileDelivery.MaxBytes / 2 + 1);
        var (project, options) = Mounting(("a.txt", "/data/a.txt", File(half)), ("b.txt", "/data/b.txt", File(half)));

        var error = Assert.Single(ComposeTransform.Convert(project, options).Errors).Message;

        Assert.StartsWith("service \"web\": the configs and bind-mounted files it gets total 48 KiB, more than the 48 KiB", error);
    }

    [Fact]
    public void Two_sources_for_one_target_are_an_error()
    {
        var (project, options) = Mounting(("a.conf", "/etc/app/app.conf", File("a")), ("b.conf", "/etc/app/app.conf", File("b")));

        Assert.Contains("is already the target of", Assert.Single(ComposeTransform.Convert(project, options).Errors).Message);
    }

    [Fact]
    public void The_service_waits_for_the_writer_which_waits_for_the_seed()
    {
        var (project, options) = Mounting(("nginx.conf", "/etc/nginx/nginx.conf", File("events {}")));

        var containers = Containers(project, options);

        Assert.Equal([FileDeliveryInit.SeedName, FileDeliveryInit.WriterName, "web"], containers.Select(Name));
        Assert.Equal("0", Text(containers[0]["User"]));
        Assert.Equal(FileDeliveryInit.SeedName, Text(containers[1].At("DependsOn.0.ContainerName")));
        Assert.Equal(FileDeliveryInit.WriterName, Text(containers[2].At("DependsOn.0.ContainerName")));
        Assert.Equal("SUCCESS", Text(containers[2].At("DependsOn.0.Condition")));
    }
}
