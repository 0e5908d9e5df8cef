namespace ComposeEcs.Compose.Tests;

/// <summary>Bind mounts keep the source as written (for messages) next to the absolute path, and whether rw was asked for.</summary>
public sealed class BindSourceTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("compose-ecs-bind-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private Model.Service Load(string volumes)
    {
        File.WriteAllText(Path.Combine(root, "compose.yaml"), $"services:\n  app:\n    image: nginx\n    volumes:\n{volumes}");
        var env = new Dictionary<string, string> { ["HOME"] = "/home/tester" };
        var result = ComposeLoader.Load(new LoadOptions { WorkingDirectory = root, Environment = env });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Value!.Services["app"];
    }

    [Fact]
    public void Short_syntax_keeps_the_source_as_written_after_interpolation()
    {
        var volumes = Load("      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n      - ${DATA_DIR:-/srv/app}/data:/data:rw\n      - ~/.cache:/cache\n").Volumes;

        Assert.Equal(["./nginx.conf", "/srv/app/data", "~/.cache"], volumes.Select(v => v.WrittenSource));
        Assert.Equal([Path.Combine(root, "nginx.conf"), "/srv/app/data", "/home/tester/.cache"], volumes.Select(v => v.Source));
        Assert.Equal([false, true, false], volumes.Select(v => v.ReadWriteRequested));
    }

    [Fact]
    public void Long_syntax_keeps_the_source_as_written_and_read_only_false_asks_for_rw()
    {
        var volume = Assert.Single(Load("      - type: bind\n        source: ./conf\n        target: /conf\n        read_only: false\n").Volumes);

        Assert.Equal("./conf", volume.WrittenSource);
        Assert.True(volume.ReadWriteRequested);
        Assert.False(volume.ReadOnly);
    }
}
