using ComposeEcs.Aws;
using ComposeEcs.Aws.Credentials;
using ComposeEcs.Aws.Http;
using ComposeEcs.Deploy;
using ComposeEcs.FakeAws;
using ComposeEcs.TestSupport;

namespace ComposeEcs.Deploy.Tests;

/// <summary>A fresh emulator and an AwsContext on it with fake keys: never ~/.aws, never a real endpoint.</summary>
internal sealed class Emulator : IAsyncDisposable
{
    public static readonly DeployTimings FastTimings = new(TimeSpan.FromMilliseconds(10));

    private Emulator(FakeAwsServer server, AwsContext aws)
    {
        Server = server;
        Aws = aws;
    }

    public FakeAwsServer Server { get; }

    public AwsContext Aws { get; }

    public static async Task<Emulator> StartAsync(FakeAwsOptions? options = null)
    {
        var server = await FakeAwsServer.StartAsync(options ?? new FakeAwsOptions { ResourceDelay = TimeSpan.FromMilliseconds(5) });
        var aws = new AwsContext(new AwsCredentials(FakeKeys.AccessKeyId, FakeKeys.SecretAccessKey), FakeKeys.Region, server.Endpoint,
            retryPolicy: new RetryPolicy(5, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(20)));
        return new Emulator(server, aws);
    }

    public async ValueTask DisposeAsync()
    {
        Aws.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Collects reported events in order.</summary>
internal sealed class EventLog : IProgress<DeployEvent>
{
    private readonly List<DeployEvent> _events = [];

    public IReadOnlyList<DeployEvent> Events { get { lock (_events) return _events.ToList(); } }

    public void Report(DeployEvent value) { lock (_events) _events.Add(value); }

    public IEnumerable<T> OfType<T>() => Events.OfType<T>();
}
