using ComposeEcs.FakeAws;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>A fresh emulator per test with a raw client and a CloudFormation driver.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected FakeAwsServer Server { get; private set; } = null!;
    internal EmulatorClient Client { get; private set; } = null!;
    internal StackDriver Cfn { get; private set; } = null!;

    protected virtual FakeAwsOptions Options => new() { ResourceDelay = TimeSpan.FromMilliseconds(2) };

    public async Task InitializeAsync()
    {
        Server = await FakeAwsServer.StartAsync(Options);
        Client = new EmulatorClient(Server);
        Cfn = new StackDriver(Client);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    internal static readonly (string, string)[] Password = [("Parameters.member.1.ParameterKey", "DbPassword"), ("Parameters.member.1.ParameterValue", "s3cret")];

    internal static readonly (string, string)[] PreviousPassword = [("Parameters.member.1.ParameterKey", "DbPassword"), ("Parameters.member.1.UsePreviousValue", "true")];
}
