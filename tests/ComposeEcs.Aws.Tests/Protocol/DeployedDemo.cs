namespace ComposeEcs.Aws.Tests.Protocol;

/// <summary>One emulator with the demo stack deployed, shared by read-only tests of a class.</summary>
public sealed class DeployedDemo : IAsyncLifetime
{
    private EmulatedAws? _emulated;

    public EmulatedAws Emulated => _emulated ?? throw new InvalidOperationException("Not started.");

    public AwsContext Aws => Emulated.Aws;

    public async Task InitializeAsync()
    {
        _emulated = await EmulatedAws.StartAsync();
        var stack = await _emulated.DeployAsync(DemoStack.Name, DemoStack.Template());
        Assert.Equal("CREATE_COMPLETE", stack.StackStatus);
    }

    public async Task DisposeAsync()
    {
        if (_emulated is not null)
            await _emulated.DisposeAsync();
    }
}
