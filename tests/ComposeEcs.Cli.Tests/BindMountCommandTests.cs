namespace ComposeEcs.Cli.Tests;

/// <summary>convert reads bind-mount sources next to the compose file and reports them as written.</summary>
public sealed class BindMountCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("compose-ecs-bind-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<CliRun> Run(params string[] args) =>
        UpTestSupport.RunInAsync(_directory, new Dictionary<string, string>(StringComparer.Ordinal), CancellationToken.None, args);

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(_directory, file), text);

    [Fact]
    public async Task A_bind_mounted_config_file_is_delivered_and_a_missing_directory_becomes_efs_named_as_written()
    {
        Write("nginx.conf", "events {}\nhttp { server { listen 80; } }\n");
        Write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./data:/data\n");

        var run = await Run("convert");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("http { server { listen 80; } }", run.Out);
        Assert.Contains("compose-ecs-files-init", run.Out);
        Assert.Contains("AWS::EFS::FileSystem", run.Out);
        Assert.Equal(
            "compose.yaml:6:9: warning CE2065: service \"web\": volumes: ./data:/data: ./data does not exist here: it becomes persistent data on the EFS volume \"data\" (kept on down, starts empty)\n",
            run.Error);
        Assert.DoesNotContain(_directory, run.Error);
    }

    [Fact]
    public async Task The_docker_socket_is_refused_in_one_line_with_exit_code_2()
    {
        Write("compose.yaml", "services:\n  ci:\n    image: docker:27\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n");

        var run = await Run("convert");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal(
            "compose.yaml:5:9: error CE2064: service \"ci\": volumes: /var/run/docker.sock:/var/run/docker.sock: Fargate cannot give a container the Docker socket (there is no Docker engine to talk to); remove this mount\n",
            run.Error);
    }
}
