using System.Globalization;
using System.Net;
using ComposeEcs.Aws.Credentials;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Tests.Support;

namespace ComposeEcs.Aws.Tests.Credentials;

/// <summary>role_arn profiles assume the role through our own STS call (so Native AOT works), against a stub.</summary>
public sealed class AssumeRoleTests : IDisposable
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/Deployer";
    private const string StsOk = "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>";
    private readonly TempAwsHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task A_role_profile_assumes_the_role_with_its_source_profile_keys()
    {
        _home.Config($"[profile deploy]\nrole_arn = {RoleArn}\nsource_profile = base\nexternal_id = ext-1\nrole_session_name = ci-run\nregion = eu-west-1\n")
            .Credentials("[base]\naws_access_key_id = AKBASE\naws_secret_access_key = SKBASE\n")
            .Set("AWS_ENDPOINT_URL", "http://127.0.0.1:9/");
        var stub = new StubHandler().Then(HttpStatusCode.OK, AssumeRoleResponse(DateTimeOffset.UtcNow.AddHours(1))).Then(HttpStatusCode.OK, StsOk);

        using var aws = await AwsContext.ResolveAsync(new AwsSettings(Profile: "deploy"), _home.Environment, new HttpClient(stub));
        await aws.Sts.GetCallerIdentityAsync();

        Assert.Empty(_home.Fallback.ProfilesAsked);
        var assume = stub.Sent[0];
        Assert.Contains("Action=AssumeRole", assume.Body, StringComparison.Ordinal);
        Assert.Contains("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FDeployer", assume.Body, StringComparison.Ordinal);
        Assert.Contains("RoleSessionName=ci-run", assume.Body, StringComparison.Ordinal);
        Assert.Contains("ExternalId=ext-1", assume.Body, StringComparison.Ordinal);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKBASE/", assume.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/sts/aws4_request", assume.Headers["Authorization"], StringComparison.Ordinal);
        var call = stub.Sent[1];
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIAROLE/", call.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("role-token", call.Headers["X-Amz-Security-Token"]);
    }

    [Fact]
    public async Task Environment_credential_source_signs_the_assume_role_call()
    {
        _home.Config($"[profile deploy]\nrole_arn = {RoleArn}\ncredential_source = Environment\n")
            .Set("AWS_ACCESS_KEY_ID", "AKENV").Set("AWS_SECRET_ACCESS_KEY", "SKENV");
        var stub = new StubHandler().Then(HttpStatusCode.OK, AssumeRoleResponse(DateTimeOffset.UtcNow.AddHours(1)));

        var provider = await Resolve("deploy", stub);
        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("ASIAROLE", credentials.AccessKeyId);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKENV/", stub.Sent[0].Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_are_reused_until_five_minutes_before_they_expire()
    {
        var stub = new StubHandler()
            .Then(HttpStatusCode.OK, AssumeRoleResponse(DateTimeOffset.UtcNow.AddMinutes(3)))
            .Then(HttpStatusCode.OK, AssumeRoleResponse(DateTimeOffset.UtcNow.AddHours(1)));
        var provider = Provider(stub);

        await provider.GetCredentialsAsync(CancellationToken.None); // expires within the margin: the next call renews
        await provider.GetCredentialsAsync(CancellationToken.None);
        await provider.GetCredentialsAsync(CancellationToken.None); // fresh for an hour: reused

        Assert.Equal(2, stub.Sent.Count);
    }

    [Fact]
    public async Task A_refused_role_is_a_one_line_configuration_error()
    {
        var stub = new StubHandler().Then(HttpStatusCode.Forbidden,
            "<ErrorResponse><Error><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:AssumeRole</Message></Error><RequestId>r</RequestId></ErrorResponse>");

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => Provider(stub).GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Contains(RoleArn, error.Message, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Mfa_profiles_are_left_to_the_sdk()
    {
        _home.Config($"[profile mfa]\nrole_arn = {RoleArn}\nsource_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n")
            .Credentials("[base]\naws_access_key_id = AKBASE\naws_secret_access_key = SKBASE\n");
        _home.Fallback.ProfileCredentials["mfa"] = new AwsCredentials("AKSDK", "SKSDK");

        var provider = await Resolve("mfa", new StubHandler());

        Assert.Equal(["mfa"], _home.Fallback.ProfilesAsked);
        Assert.Equal("AKSDK", (await provider.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
    }

    [Fact]
    public async Task Circular_source_profiles_are_a_configuration_error()
    {
        _home.Config($"[profile a]\nrole_arn = {RoleArn}\nsource_profile = b\n\n[profile b]\nrole_arn = {RoleArn}\nsource_profile = a\n");

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => Resolve("a", new StubHandler()));

        Assert.Contains("circular", error.Message, StringComparison.Ordinal);
    }

    private async Task<IAwsCredentialsProvider> Resolve(string profile, StubHandler stub)
    {
        _home.Set("AWS_REGION", "us-east-1");
        var http = new HttpClient(stub);
        var resolved = await AwsConfigResolver.ResolveAsync(new AwsSettings(Profile: profile), _home.Environment, CancellationToken.None,
            (source, region) => new AwsTransport(http, source, region, new EndpointResolver(region, new Uri("http://127.0.0.1:9/"))));
        return resolved.Credentials;
    }

    private static AssumeRoleCredentialsProvider Provider(StubHandler stub) =>
        new(new AwsTransport(new HttpClient(stub), new StaticCredentialsProvider(new AwsCredentials("AKBASE", "SKBASE")), "us-east-1",
                new EndpointResolver("us-east-1", new Uri("http://127.0.0.1:9/")), RetryPolicy.None),
            new AssumeRoleSettings(RoleArn, "test"), "profile test");

    private static string AssumeRoleResponse(DateTimeOffset expiration) => $"""
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <Credentials>
              <AccessKeyId>ASIAROLE</AccessKeyId>
              <SecretAccessKey>role-secret</SecretAccessKey>
              <SessionToken>role-token</SessionToken>
              <Expiration>{expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</Expiration>
            </Credentials>
            <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/Deployer/ci-run</Arn><AssumedRoleId>AROA:ci-run</AssumedRoleId></AssumedRoleUser>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """;
}
