using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ComposeEcs.Aws.Credentials;
using ComposeEcs.Aws.Signing;

namespace ComposeEcs.Aws.Tests.Signing;

/// <summary>AWS's published SigV4 test suite (TestData/sigv4-vectors.json): canonical request and Authorization header.</summary>
public sealed class SigV4VectorTests
{
    private static readonly JsonElement Suite = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "sigv4-vectors.json"))).RootElement;
    private static readonly DateTimeOffset Time = DateTimeOffset.Parse(Suite.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly AwsCredentials Credentials = new(
        Suite.GetProperty("credentials").GetProperty("accessKeyId").GetString()!,
        Suite.GetProperty("credentials").GetProperty("secretAccessKey").GetString()!);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Suite.GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Canonical_request_matches_the_published_vector(string name)
    {
        var c = Case(name);
        var actual = SigV4.CanonicalRequest(Str(c, "method"), Str(c, "path"), Str(c, "query"), Headers(c), SigV4.HexSha256(Encoding.UTF8.GetBytes(Str(c, "body"))));
        Assert.Equal(Str(c, "creq"), actual);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Authorization_header_matches_the_published_vector(string name)
    {
        var c = Case(name);
        var actual = SigV4.Authorization(Credentials, Time, "us-east-1", "service",
            Str(c, "method"), Str(c, "path"), Str(c, "query"), Headers(c), SigV4.HexSha256(Encoding.UTF8.GetBytes(Str(c, "body"))));
        Assert.Equal(Str(c, "authz"), actual);
    }

    [Fact]
    public void Signing_an_http_request_gives_the_vector_signature_for_a_form_post()
    {
        var body = Encoding.UTF8.GetBytes("Param1=value1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf8");

        RequestSigner.Sign(request, body, Credentials, "us-east-1", "service", Time);

        Assert.Equal(Str(Case("post-x-www-form-urlencoded-parameters"), "authz"), request.Headers.GetValues("Authorization").Single());
        Assert.Equal("20150830T123600Z", request.Headers.GetValues("X-Amz-Date").Single());
    }

    [Fact]
    public void Session_token_is_sent_and_signed()
    {
        var token = Suite.GetProperty("sessionToken").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/");

        RequestSigner.Sign(request, [], Credentials with { SessionToken = token }, "us-east-1", "service", Time);

        Assert.Equal(token, request.Headers.GetValues("X-Amz-Security-Token").Single());
        Assert.Equal(Str(Case("post-sts-header-before"), "authz"), request.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public void Signing_key_derivation_matches_the_sdk()
    {
        var ours = SigV4.SigningKey(Credentials.SecretAccessKey, Time, "us-east-1", "service");
        var sdk = Amazon.Runtime.Internal.Auth.AWS4Signer.ComposeSigningKey(Credentials.SecretAccessKey, "us-east-1", "20150830", "service");
        Assert.Equal(Convert.ToHexString(sdk), Convert.ToHexString(ours));
    }

    [Fact]
    public void Credentials_never_print_their_secret()
    {
        var text = (Credentials with { SessionToken = "token-value" }).ToString();
        Assert.DoesNotContain(Credentials.SecretAccessKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("token-value", text, StringComparison.Ordinal);
        Assert.Contains("AKIDEXAMPLE", text, StringComparison.Ordinal);
    }

    private static JsonElement Case(string name) =>
        Suite.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static string Str(JsonElement c, string property) => c.GetProperty(property).GetString()!;

    private static List<KeyValuePair<string, string>> Headers(JsonElement c) =>
        c.GetProperty("headers").EnumerateArray().Select(h => KeyValuePair.Create(h[0].GetString()!, h[1].GetString()!)).ToList();
}
