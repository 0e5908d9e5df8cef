namespace ComposeEcs.Aws.Credentials;

/// <summary>
/// The parts of credential and region resolution delegated to the AWS SDK (AWSSDK.Core).
/// Tests substitute an implementation that never touches the network or the real ~/.aws.
/// </summary>
public interface IAwsSdkFallback
{
    /// <summary>Credentials for a profile that has no static keys (SSO, assume role, credential_process...); null if unusable.</summary>
    IAwsCredentialsProvider? FromProfile(string profile, string credentialsFilePath);

    /// <summary>The SDK's default chain (web identity, container and instance metadata...); null if nothing found.</summary>
    Task<IAwsCredentialsProvider?> DefaultChainAsync(CancellationToken cancellationToken);

    /// <summary>The SDK's fallback region (includes the instance metadata service); null if none.</summary>
    string? DefaultRegion();
}
