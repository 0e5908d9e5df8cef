using ComposeEcs.Aws.Credentials;

namespace ComposeEcs.Aws.Tests.Support;

/// <summary>Stands in for the AWS SDK's chains so resolution tests never reach instance metadata or the real ~/.aws.</summary>
public sealed class FakeSdkFallback : IAwsSdkFallback
{
    public string? Region { get; init; }

    public AwsCredentials? DefaultChainCredentials { get; init; }

    public Dictionary<string, AwsCredentials> ProfileCredentials { get; } = [];

    public List<string> ProfilesAsked { get; } = [];

    public int DefaultChainCalls { get; private set; }

    public IAwsCredentialsProvider? FromProfile(string profile, string credentialsFilePath)
    {
        ProfilesAsked.Add(profile);
        return ProfileCredentials.TryGetValue(profile, out var c) ? new StaticCredentialsProvider(c, $"sdk profile {profile}") : null;
    }

    public Task<IAwsCredentialsProvider?> DefaultChainAsync(CancellationToken cancellationToken)
    {
        DefaultChainCalls++;
        return Task.FromResult<IAwsCredentialsProvider?>(DefaultChainCredentials is { } c ? new StaticCredentialsProvider(c, "sdk default") : null);
    }

    public string? DefaultRegion() => Region;
}
