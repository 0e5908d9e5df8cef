namespace ComposeEcs.Aws.Credentials;

/// <summary>The region and credentials to use, and where each came from (for `compose-ecs` diagnostics).</summary>
public sealed record ResolvedAwsConfig(string Region, string RegionSource, IAwsCredentialsProvider Credentials, string? Profile);

/// <summary>
/// Resolves region and credentials the way the AWS CLI does.
/// Region: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's region, then the SDK's fallback (instance metadata).
/// Credentials: --aws-profile, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, the "default" profile if present,
/// then the SDK's default chain (web identity, container and instance metadata).
/// A profile with static keys is read directly; any other profile (SSO, assume role, process) goes through the SDK.
/// </summary>
public static class AwsConfigResolver
{
    public static async Task<ResolvedAwsConfig> ResolveAsync(AwsSettings settings, AwsEnvironment environment, CancellationToken cancellationToken)
    {
        var files = AwsProfileFiles.Load(environment.ConfigFilePath, environment.CredentialsFilePath);
        var explicitProfile = Blank(settings.Profile);
        var envProfile = environment.Variable("AWS_PROFILE");
        var profile = explicitProfile ?? envProfile;
        if (profile is not null && !files.Exists(profile))
            throw new AwsConfigurationException(
                $"The AWS profile '{profile}' was not found in {environment.ConfigFilePath} or {environment.CredentialsFilePath}.");

        var (region, regionSource) = ResolveRegion(settings, environment, files, profile ?? "default");
        var credentials = await ResolveCredentialsAsync(environment, files, explicitProfile, envProfile, cancellationToken).ConfigureAwait(false);
        return new ResolvedAwsConfig(region, regionSource, credentials, profile);
    }

    private static (string Region, string Source) ResolveRegion(AwsSettings settings, AwsEnvironment environment, AwsProfileFiles files, string profile)
    {
        if (Blank(settings.Region) is { } flag)
            return (flag, "--region");
        if (environment.Variable("AWS_REGION") is { } region)
            return (region, "AWS_REGION");
        if (environment.Variable("AWS_DEFAULT_REGION") is { } defaultRegion)
            return (defaultRegion, "AWS_DEFAULT_REGION");
        if (files.Region(profile) is { } profileRegion)
            return (profileRegion, $"profile {profile}");
        if (environment.Fallback.DefaultRegion() is { } sdkRegion)
            return (sdkRegion, "AWS SDK");
        throw new AwsConfigurationException(
            "No AWS region is configured: pass --region, set AWS_REGION, or set a region in your AWS profile.");
    }

    private static async Task<IAwsCredentialsProvider> ResolveCredentialsAsync(
        AwsEnvironment environment, AwsProfileFiles files, string? explicitProfile, string? envProfile, CancellationToken cancellationToken)
    {
        if (explicitProfile is not null)
            return FromProfile(environment, files, explicitProfile);

        var accessKey = environment.Variable("AWS_ACCESS_KEY_ID");
        var secretKey = environment.Variable("AWS_SECRET_ACCESS_KEY") ?? environment.Variable("AWS_SECRET_KEY");
        if (accessKey is not null && secretKey is not null)
            return new StaticCredentialsProvider(new AwsCredentials(accessKey, secretKey, environment.Variable("AWS_SESSION_TOKEN")), "environment");
        if (accessKey is not null)
            throw new AwsConfigurationException("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not.");

        if (envProfile is not null)
            return FromProfile(environment, files, envProfile);
        // A [default] section holding only a region (common on EC2, in CI and with web identity) is no reason to stop.
        if (files.Exists("default") && TryProfile(environment, files, "default") is { } fromDefault)
            return fromDefault;

        return await environment.Fallback.DefaultChainAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new AwsConfigurationException(
                "No AWS credentials were found: run 'aws configure' or 'aws sso login', pass --aws-profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
    }

    private static IAwsCredentialsProvider FromProfile(AwsEnvironment environment, AwsProfileFiles files, string profile) =>
        TryProfile(environment, files, profile)
        ?? throw new AwsConfigurationException($"The AWS profile '{profile}' has no usable credentials.");

    private static IAwsCredentialsProvider? TryProfile(AwsEnvironment environment, AwsProfileFiles files, string profile)
    {
        if (files.StaticCredentials(profile) is { } keys)
            return new StaticCredentialsProvider(keys, $"profile {profile}");
        return environment.Fallback.FromProfile(profile, environment.CredentialsFilePath);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
