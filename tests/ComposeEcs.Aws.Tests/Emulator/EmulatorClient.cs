using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>Raw HTTP against the emulator with a well-formed (unsigned) SigV4 Authorization header.</summary>
internal sealed class EmulatorClient(FakeAwsServer server) : IDisposable
{
    private static readonly Dictionary<string, string> Versions = new()
    {
        ["cloudformation"] = "2010-05-15", ["ec2"] = "2016-11-15", ["sts"] = "2011-06-15", ["elasticloadbalancing"] = "2015-12-01",
    };

    private static readonly Dictionary<string, string> Targets = new()
    {
        ["ecs"] = "AmazonEC2ContainerServiceV20141113", ["logs"] = "Logs_20140328", ["secretsmanager"] = "secretsmanager", ["ssm"] = "AmazonSSM",
    };

    private readonly HttpClient _http = new() { BaseAddress = server.Endpoint };

    public static string Authorization(string service) =>
        $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261125/us-east-1/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature={new string('a', 64)}";

    public async Task<(HttpStatusCode Status, XElement Body)> Query(string service, string action, params (string Key, string Value)[] form)
    {
        var fields = new[] { ("Action", action), ("Version", Versions[service]) }.Concat(form)
            .Select(kv => KeyValuePair.Create(kv.Item1, kv.Item2));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new FormUrlEncodedContent(fields) };
        Sign(request, service);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, XElement.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Like <see cref="Query"/> but fails the test unless the answer is 200; returns the XResult element.</summary>
    public async Task<XElement> Ok(string service, string action, params (string Key, string Value)[] form)
    {
        var (status, body) = await Query(service, action, form);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result") ?? body;
    }

    public async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> Json(string service, string action, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", $"{Targets[service]}.{action}");
        Sign(request, service);
        var response = await _http.SendAsync(request);
        return (response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!, response);
    }

    public async Task<JsonObject> JsonOk(string service, string action, JsonObject body)
    {
        var (status, result, _) = await Json(service, action, body);
        Assert.True(status == HttpStatusCode.OK, result.ToJsonString());
        return result;
    }

    public Task<HttpResponseMessage> Send(HttpRequestMessage request) => _http.SendAsync(request);

    private static void Sign(HttpRequestMessage request, string service)
    {
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(service));
        request.Headers.Add("X-Amz-Date", "20261125T120000Z");
    }

    public void Dispose() => _http.Dispose();
}

internal static class XmlExtensions
{
    /// <summary>First descendant with this local name (namespaces ignored).</summary>
    public static XElement? Find(this XElement e, string name) => e.Descendants().FirstOrDefault(d => d.Name.LocalName == name);

    public static string? Value(this XElement e, string name) => e.Find(name)?.Value;

    public static IEnumerable<XElement> All(this XElement e, string name) => e.Descendants().Where(d => d.Name.LocalName == name);

    public static IEnumerable<XElement> Members(this XElement e, string list) =>
        e.Find(list)?.Elements().Where(m => m.Name.LocalName == "member") ?? [];

    public static string? Child(this XElement e, string name) => e.Elements().FirstOrDefault(c => c.Name.LocalName == name)?.Value;
}
