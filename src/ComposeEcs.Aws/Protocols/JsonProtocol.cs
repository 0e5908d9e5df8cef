using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;

namespace ComposeEcs.Aws.Protocols;

/// <summary>
/// The AWS JSON 1.1 protocol (ECS, CloudWatch Logs, Secrets Manager, SSM): a JSON POST whose operation is
/// named by the X-Amz-Target header <c>{targetPrefix}.{Action}</c>.
/// </summary>
public sealed class JsonProtocol(AwsTransport transport, AwsService service, string targetPrefix)
{
    public const string ContentType = "application/x-amz-json-1.1";

    public async Task<JsonObject> CallAsync(string action, JsonObject request, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        var call = new AwsCall(service, action, body, ContentType, $"{targetPrefix}.{action}", ParseError);
        var text = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
            return [];
        return JsonNode.Parse(text) as JsonObject ?? throw new FormatException($"{service.SigningName} {action} did not answer a JSON object.");
    }

    /// <summary>Parses <c>{"__type": "prefix#Code", "message": ".."}</c>; the x-amzn-ErrorType header is used when the body has no type.</summary>
    public static AwsError ParseError(HttpResponseMessage response, string body)
    {
        var requestId = QueryProtocol.HeaderRequestId(response);
        string? code = null;
        string? message = null;
        try
        {
            if (JsonNode.Parse(body) is JsonObject error)
            {
                code = error.Str("__type") ?? error.Str("code") ?? error.Str("Code");
                message = error.Str("message") ?? error.Str("Message") ?? error.Str("errorMessage");
            }
        }
        catch (JsonException)
        {
            message = QueryProtocol.Summary(body);
        }
        code ??= QueryProtocol.FirstHeader(response, "x-amzn-ErrorType");
        return new AwsError(code is null ? QueryProtocol.FallbackCode(response) : CleanCode(code), message ?? "", requestId);
    }

    /// <summary>"com.amazonaws.ecs#ClusterNotFoundException" and "Code:http://..." both become the bare code.</summary>
    public static string CleanCode(string code)
    {
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
            code = code[(hash + 1)..];
        var colon = code.IndexOf(':');
        return (colon >= 0 ? code[..colon] : code).Trim();
    }
}
