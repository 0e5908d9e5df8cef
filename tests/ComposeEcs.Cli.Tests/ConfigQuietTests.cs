namespace ComposeEcs.Cli.Tests;

public sealed class ConfigQuietTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("compose-ecs-config-q-").FullName;

    private Task<CliRun> Run(params string[] args) =>
        UpTestSupport.RunInAsync(_directory, new Dictionary<string, string>(StringComparer.Ordinal), CancellationToken.None, args);

    [Fact]
    public async Task Quiet_validates_and_prints_nothing()
    {
        File.WriteAllText(Path.Combine(_directory, "compose.yaml"), "services:\n  a:\n    image: alpine\n");

        var run = await Run("config", "-q");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out + run.Error);
    }

    [Fact]
    public async Task Quiet_still_reports_errors_with_exit_code_2()
    {
        File.WriteAllText(Path.Combine(_directory, "compose.yaml"), "services:\n  a:\n    image: alpine\n    ports: [\"80:abc\"]\n");

        var run = await Run("config", "--quiet");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith("compose.yaml:4:", run.Error);
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
