using ComposeEcs.Aws.Credentials;

namespace ComposeEcs.Aws;

/// <summary>
/// Everything resolution reads from the outside world, injectable so tests never touch the real
/// process environment, ~/.aws or the instance metadata service.
/// </summary>
/// <param name="GetVariable">Environment variable lookup.</param>
/// <param name="HomeDirectory">Where ~/.aws lives when AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE are unset.</param>
/// <param name="Fallback">The AWS SDK's own chains (SSO, web identity, container and instance metadata).</param>
public sealed record AwsEnvironment(Func<string, string?> GetVariable, string HomeDirectory, IAwsSdkFallback Fallback)
{
    /// <summary>The real process environment and the AWS SDK's default chains.</summary>
    public static AwsEnvironment Process { get; } = new(
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        new SdkFallback());

    public string? Variable(string name)
    {
        var value = GetVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public string ConfigFilePath =>
        Variable("AWS_CONFIG_FILE") ?? Path.Combine(HomeDirectory, ".aws", "config");

    public string CredentialsFilePath =>
        Variable("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(HomeDirectory, ".aws", "credentials");
}
