using ComposeEcs.Aws.Credentials;
using ComposeEcs.Cli;
using ComposeEcs.FakeAws;
using ComposeEcs.TestSupport;

namespace ComposeEcs.Cli.Tests;

/// <summary>Runs the real CLI entry point against a loopback emulator with fake keys and no AWS config files.</summary>
internal sealed class UpTestSupport : IAsyncDisposable
{
    private UpTestSupport(FakeAwsServer server, string directory)
    {
        Server = server;
        Directory = directory;
    }

    public FakeAwsServer Server { get; }

    /// <summary>A temporary project directory (deleted at the end).</summary>
    public string Directory { get; }

    public static async Task<UpTestSupport> StartAsync(FakeAwsOptions? options = null)
    {
        var server = await FakeAwsServer.StartAsync(options ?? new FakeAwsOptions { ResourceDelay = TimeSpan.FromMilliseconds(2) });
        return new UpTestSupport(server, System.IO.Directory.CreateTempSubdirectory("compose-ecs-cli-").FullName);
    }

    public Dictionary<string, string> Environment() => FakeKeys.Environment(Server.Endpoint, Directory);

    public void WriteCompose(string yaml, string file = "compose.yaml") => File.WriteAllText(Path.Combine(Directory, file), yaml);

    public Task<CliRun> RunAsync(params string[] args) => RunInAsync(Directory, Environment(), CancellationToken.None, args);

    public static Task<CliRun> RunInAsync(string directory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, params string[] args) =>
        RunInAsync(directory, environment, new ObservedWriter(), cancellationToken, args);

    /// <summary>With the stdout writer given, so a test can wait for a line (<see cref="ObservedWriter.WhenWrittenAsync"/>) while the command runs.</summary>
    public static async Task<CliRun> RunInAsync(string directory, IReadOnlyDictionary<string, string> environment, ObservedWriter output, CancellationToken cancellationToken, params string[] args)
    {
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliContext(output, error, environment, directory) { AwsSdkFallback = new NoSdkFallback() }, cancellationToken);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>The repository's samples/ folder.</summary>
    public static string SamplesDirectory() => Repository.Samples;

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }

    public const string WebApp = """
        name: demo
        services:
          web:
            image: nginx:1.27
            ports:
              - "80:80"
            deploy:
              replicas: 1
        """;
}

internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
