using ComposeEcs.Aws.Credentials;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Tests.Support;

namespace ComposeEcs.Aws.Tests.Credentials;

/// <summary>Region and credential precedence, with a temporary ~/.aws and an injected environment.</summary>
public sealed class AwsConfigResolverTests : IDisposable
{
    private readonly TempAwsHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Region_flag_wins_over_environment_and_profile()
    {
        _home.Config("[default]\nregion = eu-west-1\n").Set("AWS_REGION", "us-west-2").Set("AWS_ACCESS_KEY_ID", "AK").Set("AWS_SECRET_ACCESS_KEY", "SK");
        var resolved = await _home.ResolveAsync(new AwsSettings(Region: "ap-south-1"));
        Assert.Equal("ap-south-1", resolved.Region);
        Assert.Equal("--region", resolved.RegionSource);
    }

    [Fact]
    public async Task AWS_REGION_wins_over_AWS_DEFAULT_REGION()
    {
        _home.Set("AWS_REGION", "us-west-2").Set("AWS_DEFAULT_REGION", "eu-central-1").Set("AWS_ACCESS_KEY_ID", "AK").Set("AWS_SECRET_ACCESS_KEY", "SK");
        Assert.Equal("us-west-2", (await _home.ResolveAsync()).Region);
    }

    [Fact]
    public async Task AWS_DEFAULT_REGION_is_used_when_AWS_REGION_is_unset()
    {
        _home.Set("AWS_DEFAULT_REGION", "eu-central-1").Set("AWS_ACCESS_KEY_ID", "AK").Set("AWS_SECRET_ACCESS_KEY", "SK");
        Assert.Equal("eu-central-1", (await _home.ResolveAsync()).Region);
    }

    [Fact]
    public async Task Named_profile_supplies_region_and_static_keys()
    {
        _home.Config("[default]\nregion = eu-west-1\n\n[profile dev]\nregion = eu-north-1\noutput = json\n")
            .Credentials("[default]\naws_access_key_id = AKDEFAULT\naws_secret_access_key = SKDEFAULT\n\n[dev]\naws_access_key_id = AKDEV\naws_secret_access_key = SKDEV\naws_session_token = TOKDEV\n");

        var resolved = await _home.ResolveAsync(new AwsSettings(Profile: "dev"));

        Assert.Equal("eu-north-1", resolved.Region);
        Assert.Equal("profile dev", resolved.RegionSource);
        Assert.Equal(new AwsCredentials("AKDEV", "SKDEV", "TOKDEV"), await resolved.Credentials.GetCredentialsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Files_named_by_AWS_CONFIG_FILE_and_AWS_SHARED_CREDENTIALS_FILE_are_read()
    {
        var config = Path.Combine(_home.Home, "elsewhere-config");
        var credentials = Path.Combine(_home.Home, "elsewhere-credentials");
        File.WriteAllText(config, "[profile ci]\nregion = sa-east-1\n");
        File.WriteAllText(credentials, "[ci]\naws_access_key_id = AKCI\naws_secret_access_key = SKCI\n");
        _home.Set("AWS_CONFIG_FILE", config).Set("AWS_SHARED_CREDENTIALS_FILE", credentials).Set("AWS_PROFILE", "ci");

        var resolved = await _home.ResolveAsync();

        Assert.Equal("sa-east-1", resolved.Region);
        Assert.Equal("AKCI", (await resolved.Credentials.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
    }

    [Fact]
    public async Task Environment_keys_win_over_AWS_PROFILE()
    {
        _home.Config("[profile dev]\nregion = eu-north-1\n").Credentials("[dev]\naws_access_key_id = AKDEV\naws_secret_access_key = SKDEV\n")
            .Set("AWS_PROFILE", "dev").Set("AWS_ACCESS_KEY_ID", "AKENV").Set("AWS_SECRET_ACCESS_KEY", "SKENV").Set("AWS_SESSION_TOKEN", "TOKENV");

        var resolved = await _home.ResolveAsync();

        Assert.Equal(new AwsCredentials("AKENV", "SKENV", "TOKENV"), await resolved.Credentials.GetCredentialsAsync(CancellationToken.None));
        Assert.Equal("eu-north-1", resolved.Region); // the region still comes from AWS_PROFILE
    }

    [Fact]
    public async Task Profile_flag_wins_over_environment_keys()
    {
        _home.Credentials("[dev]\naws_access_key_id = AKDEV\naws_secret_access_key = SKDEV\nregion = us-west-1\n")
            .Set("AWS_ACCESS_KEY_ID", "AKENV").Set("AWS_SECRET_ACCESS_KEY", "SKENV");

        var resolved = await _home.ResolveAsync(new AwsSettings(Profile: "dev"));

        Assert.Equal("AKDEV", (await resolved.Credentials.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
        Assert.Equal("us-west-1", resolved.Region);
    }

    [Fact]
    public async Task Default_profile_is_used_when_nothing_else_is_set()
    {
        _home.Config("[default]\nregion = eu-west-3\n").Credentials("[default]\naws_access_key_id = AKDEFAULT\naws_secret_access_key = SKDEFAULT\n");

        var resolved = await _home.ResolveAsync();

        Assert.Equal("eu-west-3", resolved.Region);
        Assert.Equal("AKDEFAULT", (await resolved.Credentials.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
        Assert.Equal(0, _home.Fallback.DefaultChainCalls);
    }

    [Fact]
    public async Task A_profile_without_keys_is_handed_to_the_sdk()
    {
        _home.Fallback.ProfileCredentials["sso-dev"] = new AwsCredentials("AKSSO", "SKSSO", "TOKSSO");
        _home.Config("[profile sso-dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\nregion = us-east-2\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n");

        var resolved = await _home.ResolveAsync(new AwsSettings(Profile: "sso-dev"));

        Assert.Equal(["sso-dev"], _home.Fallback.ProfilesAsked);
        Assert.Equal("AKSSO", (await resolved.Credentials.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
        Assert.Equal("us-east-2", resolved.Region);
    }

    [Fact]
    public async Task Without_files_or_variables_the_sdk_default_chain_is_asked()
    {
        _home.Fallback = new FakeSdkFallback { Region = "us-east-1", DefaultChainCredentials = new AwsCredentials("AKIMDS", "SKIMDS", "TOKIMDS") };

        var resolved = await _home.ResolveAsync();

        Assert.Equal(1, _home.Fallback.DefaultChainCalls);
        Assert.Equal("AKIMDS", (await resolved.Credentials.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
        Assert.Equal("AWS SDK", resolved.RegionSource);
    }

    [Fact]
    public async Task A_default_profile_with_only_a_region_falls_through_to_the_sdk_chain()
    {
        _home.Config("[default]\nregion = eu-west-1\n");
        _home.Fallback = new FakeSdkFallback { DefaultChainCredentials = new AwsCredentials("AKWEBID", "SKWEBID", "TOKWEBID") };

        var resolved = await _home.ResolveAsync();

        Assert.Equal("eu-west-1", resolved.Region);
        Assert.Equal("AKWEBID", (await resolved.Credentials.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
    }

    [Fact]
    public async Task A_named_profile_without_credentials_is_an_error()
    {
        _home.Config("[profile bare]\nregion = eu-west-1\n");
        _home.Fallback = new FakeSdkFallback { DefaultChainCredentials = new AwsCredentials("AK", "SK") };

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => _home.ResolveAsync(new AwsSettings(Profile: "bare")));

        Assert.Contains("'bare' has no usable credentials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_region_is_one_clear_configuration_error()
    {
        _home.Set("AWS_ACCESS_KEY_ID", "AK").Set("AWS_SECRET_ACCESS_KEY", "SK");
        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => _home.ResolveAsync());
        AssertOneLine(error.Message);
        Assert.Contains("region", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_credentials_is_one_clear_configuration_error()
    {
        _home.Set("AWS_REGION", "us-east-1");
        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => _home.ResolveAsync());
        AssertOneLine(error.Message);
        Assert.Contains("credentials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_profile_is_named_in_the_error()
    {
        _home.Config("[profile dev]\nregion = eu-north-1\n");
        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => _home.ResolveAsync(new AwsSettings(Profile: "prod")));
        AssertOneLine(error.Message);
        Assert.Contains("'prod'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_key_without_secret_is_a_configuration_error_that_does_not_echo_values()
    {
        _home.Set("AWS_REGION", "us-east-1").Set("AWS_ACCESS_KEY_ID", "AKIAVERYSPECIFIC");
        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => _home.ResolveAsync());
        Assert.DoesNotContain("AKIAVERYSPECIFIC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Context_resolution_applies_region_credentials_and_endpoint_variables()
    {
        _home.Set("AWS_REGION", "eu-west-1").Set("AWS_ACCESS_KEY_ID", "AK").Set("AWS_SECRET_ACCESS_KEY", "SK")
            .Set("AWS_ENDPOINT_URL_ECS", "http://127.0.0.1:1/");
        using var http = new HttpClient(new StubHandler());

        using var context = await AwsContext.ResolveAsync(new AwsSettings(), _home.Environment, http);

        Assert.Equal("eu-west-1", context.Region);
        Assert.Equal(new Uri("http://127.0.0.1:1/"), context.Transport.EndpointFor(AwsService.Ecs));
        Assert.Equal(new Uri("https://sts.eu-west-1.amazonaws.com/"), context.Transport.EndpointFor(AwsService.Sts));
    }

    [Fact]
    public async Task The_sdk_reads_a_static_profile_from_a_given_credentials_file()
    {
        _home.Credentials("[plain]\naws_access_key_id = AKPLAIN\naws_secret_access_key = SKPLAIN\n");

        var provider = new SdkFallback().FromProfile("plain", _home.CredentialsPath);

        Assert.NotNull(provider);
        Assert.Equal("AKPLAIN", (await provider.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
    }

    [Fact]
    public void Ini_parsing_ignores_comments_and_nested_values_and_strips_profile_prefix()
    {
        var files = AwsProfileFiles.Parse(
            "# comment\n[profile a]\nregion = eu-west-1\ns3 =\n  max_concurrent_requests = 10\n; other\n[sso-session x]\nsso_region = us-east-1\n",
            "[a]\naws_access_key_id=AK\naws_secret_access_key=SK\n");
        Assert.True(files.Exists("a"));
        Assert.False(files.Exists("x"));
        Assert.Equal("eu-west-1", files.Region("a"));
        Assert.Null(files.Get("a", "max_concurrent_requests"));
        Assert.Equal(new AwsCredentials("AK", "SK"), files.StaticCredentials("a"));
    }

    private static void AssertOneLine(string message)
    {
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain(" at ", message, StringComparison.Ordinal);
    }
}
