namespace ComposeEcs.Aws.Credentials;

/// <summary>The region and credentials to use, and where each came from (for `compose-ecs` diagnostics).</summary>
public sealed record ResolvedAwsConfig(string Region, string RegionSource, IAwsCredentialsProvider Credentials, string? Profile);

/// <summary>Builds an STS transport for the region, signed with the given (source) credentials.</summary>
public delegate Http.AwsTransport StsTransportFactory(IAwsCredentialsProvider sourceCredentials, string region);

/// <summary>
/// Resolves region and credentials the way the AWS CLI does.
/// Region: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's region, then the SDK's fallback (instance metadata).
/// Credentials: --aws-profile, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, the "default" profile if present,
/// then the SDK's default chain (web identity, container and instance metadata).
/// A profile with static keys is read directly, a role_arn profile whose source has keys assumes the role itself;
/// any other profile (SSO, process, MFA, instance-sourced roles) goes through the SDK.
/// </summary>
public static class AwsConfigResolver
{
    /// <param name="sts">Builds an STS transport signed with given credentials, for role profiles; without it they go to the SDK.</param>
    public static async Task<ResolvedAwsConfig> ResolveAsync(
        AwsSettings settings, AwsEnvironment environment, CancellationToken cancellationToken, StsTransportFactory? sts = null)
    {
        var files = AwsProfileFiles.Load(environment.ConfigFilePath, environment.CredentialsFilePath);
        var explicitProfile = Blank(settings.Profile);
        var envProfile = environment.Variable("AWS_PROFILE");
        var profile = explicitProfile ?? envProfile;
        if (profile is not null && !files.Exists(profile))
            throw new AwsConfigurationException(
                $"The AWS profile '{profile}' was not found in {environment.ConfigFilePath} or {environment.CredentialsFilePath}.");

        var (region, regionSource) = ResolveRegion(settings, environment, files, profile ?? "default");
        var profiles = new ProfileCredentials(environment, files, region, sts);
        var credentials = await ResolveCredentialsAsync(environment, profiles, explicitProfile, envProfile, cancellationToken).ConfigureAwait(false);
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
        AwsEnvironment environment, ProfileCredentials profiles, string? explicitProfile, string? envProfile, CancellationToken cancellationToken)
    {
        if (explicitProfile is not null)
            return profiles.Require(explicitProfile);

        if (EnvironmentKeys(environment) is { } keys)
            return keys;

        if (envProfile is not null)
            return profiles.Require(envProfile);
        // A [default] section holding only a region (common on EC2, in CI and with web identity) is no reason to stop.
        if (profiles.Exists("default") && profiles.Try("default") is { } fromDefault)
            return fromDefault;

        return await environment.Fallback.DefaultChainAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new AwsConfigurationException(
                "No AWS credentials were found: run 'aws configure' or 'aws sso login', pass --aws-profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
    }

    private static StaticCredentialsProvider? EnvironmentKeys(AwsEnvironment environment)
    {
        var accessKey = environment.Variable("AWS_ACCESS_KEY_ID");
        var secretKey = environment.Variable("AWS_SECRET_ACCESS_KEY") ?? environment.Variable("AWS_SECRET_KEY");
        if (accessKey is not null && secretKey is not null)
            return new StaticCredentialsProvider(new AwsCredentials(accessKey, secretKey, environment.Variable("AWS_SESSION_TOKEN")), "environment");
        if (accessKey is not null)
            throw new AwsConfigurationException("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not.");
        return null;
    }

    /// <summary>Credentials of named profiles: static keys, role_arn with a source we can read, else the SDK.</summary>
    private sealed class ProfileCredentials(AwsEnvironment environment, AwsProfileFiles files, string region, StsTransportFactory? sts)
    {
        private const int MaxRoleChain = 5;

        public bool Exists(string profile) => files.Exists(profile);

        public IAwsCredentialsProvider Require(string profile) =>
            Try(profile) ?? throw new AwsConfigurationException($"The AWS profile '{profile}' has no usable credentials.");

        public IAwsCredentialsProvider? Try(string profile, int depth = 0)
        {
            if (files.StaticCredentials(profile) is { } keys)
                return new StaticCredentialsProvider(keys, $"profile {profile}");
            if (sts is not null && files.Get(profile, "role_arn") is { } roleArn && files.Get(profile, "mfa_serial") is null
                && Source(profile, depth) is { } source)
            {
                var role = new AssumeRoleSettings(
                    roleArn,
                    files.Get(profile, "role_session_name") ?? $"compose-ecs-{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}",
                    files.Get(profile, "external_id"),
                    int.TryParse(files.Get(profile, "duration_seconds"), out var seconds) ? seconds : null);
                return new AssumeRoleCredentialsProvider(sts(source, region), role, $"profile {profile}");
            }
            return environment.Fallback.FromProfile(profile, environment.CredentialsFilePath);
        }

        // The credentials a role profile assumes the role with; null leaves the whole profile to the SDK.
        private IAwsCredentialsProvider? Source(string profile, int depth)
        {
            if (depth >= MaxRoleChain)
                throw new AwsConfigurationException($"The AWS profile '{profile}' chains more than {MaxRoleChain} roles (is source_profile circular?).");
            if (files.Get(profile, "source_profile") is { } sourceProfile)
            {
                if (!files.Exists(sourceProfile))
                    throw new AwsConfigurationException($"The source_profile '{sourceProfile}' of AWS profile '{profile}' was not found.");
                return sourceProfile == profile ? null : Try(sourceProfile, depth + 1);
            }
            return string.Equals(files.Get(profile, "credential_source"), "Environment", StringComparison.OrdinalIgnoreCase)
                ? EnvironmentKeys(environment)
                : null;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
