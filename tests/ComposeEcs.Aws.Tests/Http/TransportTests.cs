using System.Net;
using ComposeEcs.Aws.Clients;
using ComposeEcs.Aws.Credentials;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Tests.Support;

namespace ComposeEcs.Aws.Tests.Http;

/// <summary>Error mapping, retries and cancellation, against an in-process stub (no sockets).</summary>
public sealed class TransportTests
{
    private static readonly RetryPolicy FastRetry = new(4, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));
    private static readonly AwsCredentials Keys = new("AKIDTEST", "secret-key-test");

    private const string StsOk =
        """<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/dev</Arn><UserId>AIDA</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>""";

    [Fact]
    public async Task Query_error_body_becomes_a_typed_exception()
    {
        var stub = new StubHandler().Then(HttpStatusCode.BadRequest,
            """<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id app does not exist</Message></Error><RequestId>req-42</RequestId></ErrorResponse>""");
        using var context = Context(stub);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => context.CloudFormation.DescribeStacksAsync("app"));

        Assert.Equal("ValidationError", error.Code);
        Assert.Equal("Stack with id app does not exist", error.ErrorMessage);
        Assert.Equal("req-42", error.RequestId);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("cloudformation", error.Service);
        Assert.Equal("DescribeStacks", error.Action);
        Assert.Single(stub.Sent);
    }

    [Fact]
    public async Task Missing_stack_is_null_from_FindStack()
    {
        var stub = new StubHandler().Then(HttpStatusCode.BadRequest,
            "<ErrorResponse><Error><Code>ValidationError</Code><Message>Stack with id app does not exist</Message></Error><RequestId>r</RequestId></ErrorResponse>");
        using var context = Context(stub);
        Assert.Null(await context.CloudFormation.FindStackAsync("app"));
    }

    [Fact]
    public async Task Ec2_error_body_becomes_a_typed_exception()
    {
        var stub = new StubHandler().Then(HttpStatusCode.BadRequest,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code><Message>The vpc ID 'vpc-1' does not exist</Message></Error></Errors><RequestID>ec2-req</RequestID></Response>");
        using var context = Context(stub);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => context.Ec2.DescribeSubnetsAsync([new Ec2Filter("vpc-id", "vpc-1")]));

        Assert.Equal("InvalidVpcID.NotFound", error.Code);
        Assert.Equal("ec2-req", error.RequestId);
    }

    [Theory]
    [InlineData("""{"__type":"com.amazonaws.ecs#ClusterNotFoundException","message":"Cluster not found."}""", "ClusterNotFoundException", "Cluster not found.")]
    [InlineData("""{"__type":"ClusterNotFoundException","Message":"Cluster not found."}""", "ClusterNotFoundException", "Cluster not found.")]
    public async Task Json_error_body_becomes_a_typed_exception(string body, string code, string message)
    {
        var stub = new StubHandler().Then(HttpStatusCode.BadRequest, body, "application/x-amz-json-1.1", ("x-amzn-RequestId", "json-req"));
        using var context = Context(stub);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => context.Ecs.ListServicesAsync("app"));

        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.ErrorMessage);
        Assert.Equal("json-req", error.RequestId);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_error_type_header_is_used_when_the_body_has_none()
    {
        var stub = new StubHandler().Then(HttpStatusCode.BadRequest, "{}", "application/x-amz-json-1.1",
            ("x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/"));
        using var context = Context(stub);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => context.Ssm.GetParameterAsync("/x"));

        Assert.Equal("AccessDeniedException", error.Code);
    }

    [Theory]
    [InlineData("Throttling")]
    [InlineData("RequestLimitExceeded")]
    public async Task Throttling_is_retried_then_succeeds(string code)
    {
        var stub = new StubHandler()
            .Then(HttpStatusCode.BadRequest, $"<ErrorResponse><Error><Code>{code}</Code><Message>Rate exceeded</Message></Error></ErrorResponse>")
            .Then(HttpStatusCode.BadRequest, $"<ErrorResponse><Error><Code>{code}</Code><Message>Rate exceeded</Message></Error></ErrorResponse>")
            .Then(HttpStatusCode.OK, StsOk);
        using var context = Context(stub);

        var identity = await context.Sts.GetCallerIdentityAsync();

        Assert.Equal("123456789012", identity.Account);
        Assert.Equal(3, stub.Sent.Count);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_succeed()
    {
        var stub = new StubHandler()
            .Then(HttpStatusCode.ServiceUnavailable, "<html>Service Unavailable</html>")
            .Then(HttpStatusCode.InternalServerError, """{"__type":"InternalFailure"}""", "application/x-amz-json-1.1")
            .Then(HttpStatusCode.OK, StsOk);
        using var context = Context(stub);

        await context.Sts.GetCallerIdentityAsync();

        Assert.Equal(3, stub.Sent.Count);
    }

    [Fact]
    public async Task Each_retry_is_signed_afresh()
    {
        var stub = new StubHandler()
            .Then(HttpStatusCode.InternalServerError, "")
            .Then(HttpStatusCode.OK, StsOk);
        using var context = Context(stub);

        await context.Sts.GetCallerIdentityAsync();

        Assert.All(stub.Sent, s => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/", s.Headers["Authorization"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Throttling_gives_up_after_the_maximum_attempts()
    {
        var stub = new StubHandler();
        for (var i = 0; i < 4; i++)
            stub.Then(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""", "application/x-amz-json-1.1");
        using var context = Context(stub);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => context.Logs.GetLogEventsAsync(new GetLogEventsRequest("g", "s")));

        Assert.Equal("ThrottlingException", error.Code);
        Assert.Equal(4, stub.Sent.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var stub = new StubHandler().Then(HttpStatusCode.BadRequest, """{"__type":"ResourceNotFoundException","message":"no"}""", "application/x-amz-json-1.1");
        using var context = Context(stub);

        await Assert.ThrowsAsync<AwsServiceException>(() => context.SecretsManager.DescribeSecretAsync("x"));

        Assert.Single(stub.Sent);
    }

    [Fact]
    public async Task Network_failures_are_retried_then_reported_as_network_errors()
    {
        var stub = new StubHandler();
        for (var i = 0; i < 4; i++)
            stub.ThenThrow(new HttpRequestException("Connection refused"));
        using var context = Context(stub);

        var error = await Assert.ThrowsAsync<AwsNetworkException>(() => context.Sts.GetCallerIdentityAsync());

        Assert.Equal(4, stub.Sent.Count);
        Assert.Contains("127.0.0.1:9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_the_backoff_wait()
    {
        var stub = new StubHandler().Then(HttpStatusCode.BadRequest, "<ErrorResponse><Error><Code>Throttling</Code></Error></ErrorResponse>");
        using var cts = new CancellationTokenSource();
        using var context = new AwsContext(Keys, "us-east-1", new Uri("http://127.0.0.1:9/"), new HttpClient(stub),
            new RetryPolicy(5, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)));

        var call = context.Sts.GetCallerIdentityAsync(cts.Token);
        for (var i = 0; i < 1000 && stub.Sent.Count == 0; i++)
            await Task.Delay(10);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(stub.Sent);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var stub = new StubHandler().Then(HttpStatusCode.OK, StsOk);
        using var context = Context(stub);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.Sts.GetCallerIdentityAsync(new CancellationToken(true)));
        Assert.Empty(stub.Sent);
    }

    [Fact]
    public async Task Secret_values_never_appear_in_errors()
    {
        const string secret = "hunter2-super-secret";
        var stub = new StubHandler().Then(HttpStatusCode.BadRequest, """{"__type":"ResourceExistsException","message":"The secret app/db already exists."}""", "application/x-amz-json-1.1");
        using var context = Context(stub);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => context.SecretsManager.CreateSecretAsync(new CreateSecretRequest("app/db", secret)));

        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(secret, stub.Sent[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_with_secrets_print_masked()
    {
        Assert.DoesNotContain("s3cr3t", new CreateSecretRequest("n", "s3cr3t").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", new StackParameter("DbPassword", "s3cr3t", NoEcho: true).ToString(), StringComparison.Ordinal);
        Assert.Contains("visible", new StackParameter("Image", "visible").ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(10, 1000)]
    public void Backoff_caps_grow_exponentially_up_to_the_maximum(int retry, int capMs)
    {
        var policy = new RetryPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromMilliseconds(capMs), policy.DelayBeforeRetry(retry, 1.0));
        Assert.Equal(TimeSpan.Zero, policy.DelayBeforeRetry(retry, 0.0));
    }

    [Fact]
    public async Task Query_requests_are_form_posts_signed_for_the_service()
    {
        var stub = new StubHandler().Then(HttpStatusCode.OK, StsOk);
        using var context = Context(stub);

        await context.Sts.GetCallerIdentityAsync();

        var sent = stub.Sent.Single();
        Assert.Equal("Action=GetCallerIdentity&Version=2011-06-15", sent.Body);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", sent.ContentType);
        Assert.Contains("/us-east-1/sts/aws4_request", sent.Headers["Authorization"], StringComparison.Ordinal);
        Assert.False(sent.Headers.ContainsKey("X-Amz-Target"));
    }

    [Fact]
    public async Task Json_requests_carry_the_target_header()
    {
        var stub = new StubHandler().Then(HttpStatusCode.OK, """{"Parameter":{"Name":"/x","Type":"String","Value":"v","Version":3}}""", "application/x-amz-json-1.1");
        using var context = Context(stub);

        var parameter = await context.Ssm.GetParameterAsync("/x");

        var sent = stub.Sent.Single();
        Assert.Equal("AmazonSSM.GetParameter", sent.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", sent.ContentType);
        Assert.Contains("/us-east-1/ssm/aws4_request", sent.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(new SsmParameter("/x", "String", "v", 3, null), parameter);
    }

    [Fact]
    public async Task An_observer_sees_every_attempt_without_bodies()
    {
        var stub = new StubHandler()
            .Then(HttpStatusCode.BadRequest, "<ErrorResponse><Error><Code>Throttling</Code></Error><RequestId>r-1</RequestId></ErrorResponse>")
            .Then(HttpStatusCode.OK, StsOk, "text/xml", ("x-amzn-RequestId", "r-2"));
        var seen = new List<AwsRequestLog>();
        using var context = new AwsContext(new StaticCredentialsProvider(Keys), "us-east-1",
            new ComposeEcs.Aws.Endpoints.EndpointResolver("us-east-1", new Uri("http://127.0.0.1:9/")), new HttpClient(stub), FastRetry, null, seen.Add);

        await context.Sts.GetCallerIdentityAsync();

        Assert.Equal(
            [("sts", "GetCallerIdentity", 1, (int?)400, "Throttling", "r-1"), ("sts", "GetCallerIdentity", 2, (int?)200, null, "r-2")],
            seen.Select(l => (l.Service, l.Action, l.Attempt, l.StatusCode, l.ErrorCode, l.RequestId)));
    }

    private static AwsContext Context(StubHandler stub) =>
        new(Keys, "us-east-1", new Uri("http://127.0.0.1:9/"), new HttpClient(stub), FastRetry);
}
