using System.Globalization;
using System.Net;
using ComposeEcs.Aws.Credentials;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Tests.Support;

namespace ComposeEcs.Aws.Tests.Http;

public sealed class ClockSkewTests
{
    private const string StsOk = "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>";

    [Fact]
    public async Task A_skewed_clock_is_corrected_from_the_server_date_and_the_call_retried()
    {
        var serverTime = DateTimeOffset.UtcNow.AddHours(2);
        var stub = new StubHandler()
            .Then(HttpStatusCode.BadRequest, "<ErrorResponse><Error><Code>RequestExpired</Code><Message>Request has expired.</Message></Error></ErrorResponse>",
                "text/xml", ("Date", serverTime.ToString("r", CultureInfo.InvariantCulture)))
            .Then(HttpStatusCode.OK, StsOk);
        using var context = new AwsContext(new AwsCredentials("AK", "SK"), "us-east-1", new Uri("http://127.0.0.1:9/"), new HttpClient(stub),
            new RetryPolicy(3, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)));

        await context.Sts.GetCallerIdentityAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var first = Parse(stub.Sent[0].Headers["X-Amz-Date"]);
        var second = Parse(stub.Sent[1].Headers["X-Amz-Date"]);
        Assert.InRange(second - first, TimeSpan.FromMinutes(119), TimeSpan.FromMinutes(121));
    }

    [Fact]
    public async Task A_signature_error_with_a_matching_clock_is_not_retried()
    {
        var stub = new StubHandler()
            .Then(HttpStatusCode.Forbidden, """{"__type":"InvalidSignatureException","message":"The request signature we calculated does not match"}""",
                "application/x-amz-json-1.1", ("Date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture)));
        using var context = new AwsContext(new AwsCredentials("AK", "SK"), "us-east-1", new Uri("http://127.0.0.1:9/"), new HttpClient(stub),
            new RetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => context.Ssm.GetParameterAsync("/x"));

        Assert.Equal("InvalidSignatureException", error.Code);
        Assert.Single(stub.Sent);
    }

    private static DateTimeOffset Parse(string amzDate) =>
        DateTimeOffset.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
