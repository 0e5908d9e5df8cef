using System.Net;
using System.Net.Sockets;
using ComposeEcs.Aws.Tests.Support;

namespace ComposeEcs.Aws.Tests.Protocol;

/// <summary>A context resolved from (temporary) AWS files and variables, talking to the loopback emulator.</summary>
public sealed class ResolvedContextProtocolTests
{
    [Fact]
    public async Task A_profile_and_endpoint_variable_are_enough_to_talk_to_the_emulator()
    {
        await using var e = await EmulatedAws.StartAsync();
        using var home = new TempAwsHome()
            .Config("[profile ci]\nregion = us-east-1\n")
            .Credentials("[ci]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = SKPROFILE\n")
            .Set("AWS_PROFILE", "ci")
            .Set("AWS_ENDPOINT_URL", e.Server.Endpoint.ToString());

        using var aws = await AwsContext.ResolveAsync(new AwsSettings(Retry: EmulatedAws.FastRetry), home.Environment, null);
        var identity = await aws.Sts.GetCallerIdentityAsync();

        Assert.Equal("123456789012", identity.Account);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDPROFILE/", e.Server.Requests.Single().Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_endpoint_url_setting_wins_over_a_broken_variable()
    {
        await using var e = await EmulatedAws.StartAsync();
        using var home = new TempAwsHome()
            .Set("AWS_REGION", "us-east-1").Set("AWS_ACCESS_KEY_ID", "AK").Set("AWS_SECRET_ACCESS_KEY", "SK")
            .Set("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:1/");

        using var aws = await AwsContext.ResolveAsync(new AwsSettings(EndpointUrl: e.Server.Endpoint.ToString()), home.Environment, null);

        Assert.Equal("123456789012", (await aws.Sts.GetCallerIdentityAsync()).Account);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_retried_then_reported_as_a_network_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var aws = new AwsContext(EmulatedAws.Keys, "us-east-1", new Uri($"http://127.0.0.1:{port}/"), null, EmulatedAws.FastRetry);

        var error = await Assert.ThrowsAsync<AwsNetworkException>(() => aws.Sts.GetCallerIdentityAsync());

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("sts GetCallerIdentity failed", error.Message, StringComparison.Ordinal);
    }
}
