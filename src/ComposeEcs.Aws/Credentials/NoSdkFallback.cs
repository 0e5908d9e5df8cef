namespace ComposeEcs.Aws.Credentials;

/// <summary>
/// Resolution without the AWS SDK's own chains: no instance or container metadata, no SSO, no process-wide ~/.aws.
/// Only what the injected environment and config files say. Hermetic runs (the tests) use it, so no lookup leaves the machine.
/// </summary>
public sealed class NoSdkFallback : IAwsSdkFallback
{
    public IAwsCredentialsProvider? FromProfile(string profile, string credentialsFilePath) => null;

    public Task<IAwsCredentialsProvider?> DefaultChainAsync(CancellationToken cancellationToken) => Task.FromResult<IAwsCredentialsProvider?>(null);

    public string? DefaultRegion() => null;
}
