using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Aws.Tests.Emulator;

public sealed class ProtocolTests : EmulatorTest
{
    [Fact]
    public void Endpoint_is_loopback_on_a_random_port()
    {
        Assert.Equal("127.0.0.1", Server.Endpoint.Host);
        Assert.NotEqual(0, Server.Endpoint.Port);
        Assert.Equal("/", Server.Endpoint.AbsolutePath);
        Assert.Equal(("us-east-1", "123456789012"), (Server.Region, Server.AccountId));
    }

    private static HttpRequestMessage QueryRequest(string? authorization, bool withDate = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent([new("Action", "DescribeStacks"), new("Version", "2010-05-15")]),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (withDate) request.Headers.Add("X-Amz-Date", "20261125T120000Z");
        return request;
    }

    private async Task<(HttpStatusCode, XElement)> Send(HttpRequestMessage request)
    {
        using var response = await Client.Send(request);
        return (response.StatusCode, XElement.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Missing_authorization_is_rejected_with_403()
    {
        var (status, error) = await Send(QueryRequest(null));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("MissingAuthenticationToken", error.Value("Code"));
    }

    [Fact]
    public async Task Malformed_authorization_or_missing_date_is_an_incomplete_signature()
    {
        var (status, error) = await Send(QueryRequest("AWS4-HMAC-SHA256 Credential=AKID/20261125/us-east-1/cloudformation"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("IncompleteSignature", error.Value("Code"));

        var (noDateStatus, noDate) = await Send(QueryRequest(EmulatorClient.Authorization("cloudformation"), withDate: false));
        Assert.Equal(HttpStatusCode.Forbidden, noDateStatus);
        Assert.Equal("IncompleteSignature", noDate.Value("Code"));
    }

    [Fact]
    public async Task Json_services_answer_auth_errors_in_json()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}", Encoding.UTF8) };
        request.Headers.Add("X-Amz-Target", "Logs_20140328.FilterLogEvents");
        using var response = await Client.Send(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("MissingAuthenticationTokenException", body["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Successful_query_answers_have_the_response_result_metadata_shape()
    {
        var (status, body) = await Client.Query("sts", "GetCallerIdentity");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("GetCallerIdentityResponse", body.Name.LocalName);
        Assert.Equal("https://sts.amazonaws.com/doc/2011-06-15/", body.Name.NamespaceName);
        Assert.Equal("123456789012", body.Find("GetCallerIdentityResult")!.Child("Account"));
        Assert.True(Guid.TryParse(body.Find("ResponseMetadata")!.Child("RequestId"), out _));
    }

    [Fact]
    public async Task Throttled_action_answers_Throttling_then_recovers()
    {
        Server.ThrottleNext("DescribeStacks", 2);

        for (var i = 0; i < 2; i++)
        {
            var (status, error) = await Client.Query("cloudformation", "DescribeStacks");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(("Sender", "Throttling", "Rate exceeded"), (error.Value("Type"), error.Value("Code"), error.Value("Message")));
        }
        Assert.Equal(HttpStatusCode.OK, (await Client.Query("cloudformation", "DescribeStacks")).Status);
        Assert.Equal(3, Server.Requests.Count(r => r.Action == "DescribeStacks" && r.Service == "cloudformation"));
    }

    [Fact]
    public async Task Throttled_json_action_answers_ThrottlingException_with_a_request_id_header()
    {
        Server.ThrottleNext("ListServices", 1);

        var (status, body, response) = await Client.Json("ecs", "ListServices", new JsonObject { ["cluster"] = "demo" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ThrottlingException", body["__type"]!.GetValue<string>());
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
        response.Dispose();
    }

    [Fact]
    public async Task Server_error_switch_answers_500_InternalFailure()
    {
        Server.FailNextWithServerError("GetCallerIdentity", 1);

        var (status, error) = await Client.Query("sts", "GetCallerIdentity");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(("Receiver", "InternalFailure"), (error.Value("Type"), error.Value("Code")));
        Assert.Equal(HttpStatusCode.OK, (await Client.Query("sts", "GetCallerIdentity")).Status);
    }

    [Fact]
    public async Task Requests_are_recorded_with_service_action_authorization_and_body()
    {
        await Client.Query("sts", "GetCallerIdentity");

        var recorded = Server.Requests.Single();
        Assert.Equal(("sts", "GetCallerIdentity"), (recorded.Service, recorded.Action));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261125/us-east-1/sts/aws4_request", recorded.Authorization);
        Assert.Contains("Action=GetCallerIdentity", recorded.Body);
    }

    [Fact]
    public async Task Unknown_action_is_an_error_in_the_service_format()
    {
        var (status, error) = await Client.Query("cloudformation", "CreateStackSet");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidAction", error.Value("Code"));
    }
}
