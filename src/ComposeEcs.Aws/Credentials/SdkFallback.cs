using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace ComposeEcs.Aws.Credentials;

/// <summary>The real AWS SDK chains: <see cref="DefaultAWSCredentialsIdentityResolver"/> and <see cref="FallbackRegionFactory"/>.</summary>
public sealed class SdkFallback : IAwsSdkFallback
{
    public IAwsCredentialsProvider? FromProfile(string profile, string credentialsFilePath)
    {
        SdkRuntimeDependencies.Register();
        var chain = new CredentialProfileStoreChain(credentialsFilePath);
        try
        {
            return chain.TryGetAWSCredentials(profile, out var credentials) ? new SdkCredentialsProvider(credentials, $"profile {profile}") : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new AwsConfigurationException($"The AWS profile '{profile}' cannot be used: {SdkCredentialsProvider.FirstLine(e.Message)}", e);
        }
    }

    public async Task<IAwsCredentialsProvider?> DefaultChainAsync(CancellationToken cancellationToken)
    {
        SdkRuntimeDependencies.Register();
        try
        {
            var credentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return credentials is null ? null : new SdkCredentialsProvider(credentials, "AWS SDK default chain");
        }
        catch (AmazonClientException)
        {
            return null; // the SDK found nothing anywhere in its chain
        }
        catch (Exception e) when (e is not OperationCanceledException and not AwsException)
        {
            throw new AwsConfigurationException($"Could not resolve AWS credentials: {SdkCredentialsProvider.FirstLine(e.Message)}", e);
        }
    }

    public string? DefaultRegion()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null; // no region anywhere; the caller reports that in one line
        }
    }
}

/// <summary>Wraps an SDK <see cref="AWSCredentials"/>, which caches and refreshes temporary credentials itself.</summary>
public sealed class SdkCredentialsProvider(AWSCredentials credentials, string source) : IAwsCredentialsProvider
{
    public string Source { get; } = source;

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        ImmutableCredentials? current;
        try
        {
            current = await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new AwsConfigurationException($"Could not get AWS credentials from {Source}: {FirstLine(e.Message)}", e);
        }
        if (current is null || string.IsNullOrEmpty(current.AccessKey) || string.IsNullOrEmpty(current.SecretKey))
            throw new AwsConfigurationException($"Could not get AWS credentials from {Source}.");
        return new AwsCredentials(current.AccessKey, current.SecretKey, string.IsNullOrEmpty(current.Token) ? null : current.Token);
    }

    internal static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "unknown error" : line;
    }
}
