using ComposeEcs.TestSupport;
using ComposeEcs.Aws.Clients;
using ComposeEcs.Aws.Credentials;
using ComposeEcs.Aws.Http;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Aws.Tests.Protocol;

/// <summary>A loopback emulator and an <see cref="AwsContext"/> pointed at it; all traffic stays on 127.0.0.1.</summary>
public sealed class EmulatedAws : IAsyncDisposable
{
    public static readonly AwsCredentials Keys = new(FakeKeys.AccessKeyId, FakeKeys.SecretAccessKey);
    public static readonly RetryPolicy FastRetry = new(4, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));

    private EmulatedAws(FakeAwsServer server, AwsContext context)
    {
        Server = server;
        Aws = context;
    }

    public FakeAwsServer Server { get; }

    public AwsContext Aws { get; }

    public static async Task<EmulatedAws> StartAsync(FakeAwsOptions? options = null, RetryPolicy? retry = null)
    {
        var server = await FakeAwsServer.StartAsync(options);
        Assert.Equal("127.0.0.1", server.Endpoint.Host);
        return new EmulatedAws(server, new AwsContext(Keys, server.Region, server.Endpoint, null, retry ?? FastRetry));
    }

    /// <summary>Change set, wait until ready, execute, wait until the stack settles; as the Deploy stage will.</summary>
    public async Task<Stack> DeployAsync(string stackName, string templateBody, IReadOnlyList<StackParameter>? parameters = null, ChangeSetType type = ChangeSetType.Create)
    {
        var cf = Aws.CloudFormation;
        var created = await cf.CreateChangeSetAsync(new CreateChangeSetRequest(
            stackName, $"cs-{Guid.NewGuid():N}", type, templateBody, parameters ?? DemoStack.Parameters,
            ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"], [new StackTag("com.docker.compose.project", stackName)]));
        var changeSet = await WaitAsync(() => cf.DescribeChangeSetAsync(created.Id), c => c.Status is not ("CREATE_PENDING" or "CREATE_IN_PROGRESS"));
        Assert.Equal("CREATE_COMPLETE", changeSet.Status);
        await cf.ExecuteChangeSetAsync(created.Id);
        return await WaitForStackAsync(created.StackId);
    }

    public Task<Stack> WaitForStackAsync(string stack) =>
        WaitAsync(async () => (await Aws.CloudFormation.DescribeStacksAsync(stack)).Single(),
            s => !s.StackStatus.EndsWith("_IN_PROGRESS", StringComparison.Ordinal) || s.StackStatus == "REVIEW_IN_PROGRESS");

    public static async Task<T> WaitAsync<T>(Func<Task<T>> poll, Func<T, bool> done)
    {
        for (var i = 0; i < 2000; i++)
        {
            var value = await poll();
            if (done(value))
                return value;
            await Task.Delay(5);
        }
        throw new TimeoutException("The emulator never reached the expected state.");
    }

    public async ValueTask DisposeAsync()
    {
        Aws.Dispose();
        await Server.DisposeAsync();
    }
}
