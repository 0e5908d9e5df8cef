using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ComposeEcs.FakeAws;

/// <summary>A service's operations; the router has already decided service, action and protocol.</summary>
internal interface IServiceHandler
{
    string Service { get; }
    WireResponse Handle(AwsRequest request);
}

/// <summary>Routes a request as AWS does: service from the SigV4 credential scope, action from the form or X-Amz-Target.</summary>
internal sealed partial class Routing(IReadOnlyDictionary<string, IServiceHandler> handlers, Faults faults, HeldRequests held, Action<RecordedRequest> record)
{
    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/\s,]+)/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/aws4_request,\s*SignedHeaders=(?<signed>[a-z0-9;-]+),\s*Signature=(?<sig>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    public async Task HandleAsync(HttpContext context)
    {
        if (S3 is not null && IsS3(context.Request))
        {
            await HandleS3Async(context, S3);
            return;
        }
        var requestId = Guid.NewGuid().ToString();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var authorization = context.Request.Headers.Authorization.ToString();
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var isJson = target.Length > 0;
        var form = isJson ? QueryParams.Empty : QueryParams.Parse(body.Length > 0 ? body : context.Request.QueryString.Value ?? "");
        var match = AuthorizationPattern().Match(authorization);
        var service = match.Success ? match.Groups["service"].Value : GuessService(target, form);
        var action = isJson ? target[(target.LastIndexOf('.') + 1)..] : form.Get("Action") ?? "";
        if (service == RestEfs) (action, form) = EfsOperation(context.Request);
        record(new RecordedRequest(service, action, authorization, body,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            DateTimeOffset.UtcNow));

        if (faults.TakeDrop(action))
        {
            context.Abort();
            return;
        }
        var response = await held.InOrderAsync(action, () => Respond(service, action, isJson, target, form, body, authorization, match.Success,
            context.Request.Headers["X-Amz-Date"].ToString(), requestId));
        if (context.RequestAborted.IsCancellationRequested) return; // carried out, but the caller has gone
        if (faults.TakeLostResponse(action))
        {
            // Processed, state changed, but the client never hears: the case idempotency tokens exist for.
            context.Abort();
            return;
        }
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        context.Response.Headers[isJson ? "x-amzn-RequestId" : "x-amz-request-id"] = requestId;
        if (!isJson) context.Response.Headers["x-amzn-RequestId"] = requestId;
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    private WireResponse Respond(string service, string action, bool isJson, string target, QueryParams form, string body,
        string authorization, bool wellFormed, string amzDate, string requestId)
    {
        try
        {
            CheckAuthorization(authorization, wellFormed, amzDate, isJson ? "Exception" : "");
            if (!handlers.TryGetValue(service, out var handler))
                throw new AwsError(isJson ? "UnrecognizedClientException" : "InvalidAction", $"The service '{service}' is not emulated.");
            if (isJson && (!JsonProtocol.TargetPrefixes.TryGetValue(service, out var prefix) || !target.StartsWith(prefix + ".", StringComparison.Ordinal)))
                throw new AwsError("UnknownOperationException", $"Unknown target {target} for service {service}.");
            if (faults.Take(service, action, isJson) is { } fault) throw fault;
            var json = isJson ? ParseJson(body) : default;
            return handler.Handle(new AwsRequest(service, action, isJson ? WireProtocol.Json : service == "ec2" ? WireProtocol.Ec2 : WireProtocol.Query,
                form, json, requestId));
        }
        catch (AwsError error)
        {
            return isJson || service == RestEfs ? JsonProtocol.Error(error, requestId) : QueryProtocol.Error(service, error, requestId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failure = new AwsError("InternalFailure", e.ToString(), 500, sender: false);
            return isJson || service == RestEfs ? JsonProtocol.Error(failure, requestId) : QueryProtocol.Error(service, failure, requestId);
        }
    }

    /// <summary>EFS speaks REST-JSON: the operation is the method and path (GET /2015-02-01/file-systems?FileSystemId=, DELETE /2015-02-01/file-systems/{id}).</summary>
    private const string RestEfs = "elasticfilesystem";

    private static (string Action, QueryParams Form) EfsOperation(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        const string Prefix = "/2015-02-01/file-systems";
        if (request.Method == "GET" && path.TrimEnd('/') == Prefix)
            return ("DescribeFileSystems", QueryParams.Parse((request.QueryString.Value ?? "").TrimStart('?')));
        if (request.Method == "DELETE" && path.StartsWith(Prefix + "/", StringComparison.Ordinal))
            return ("DeleteFileSystem", QueryParams.Parse("FileSystemId=" + Uri.EscapeDataString(Uri.UnescapeDataString(path[(Prefix.Length + 1)..]))));
        return ($"{request.Method} {path}", QueryParams.Empty);
    }

    private static void CheckAuthorization(string authorization, bool wellFormed, string amzDate, string suffix)
    {
        if (authorization.Length == 0)
            throw new AwsError("MissingAuthenticationToken" + suffix, "Request is missing Authentication Token", 403);
        if (!wellFormed)
            throw new AwsError("IncompleteSignature" + suffix, $"Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. Authorization={authorization}", 403);
        if (amzDate.Length == 0)
            throw new AwsError("IncompleteSignature" + suffix, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.", 403);
    }

    private static JsonElement ParseJson(string body)
    {
        try
        {
            return JsonDocument.Parse(body.Length == 0 ? "{}" : body).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new AwsError("SerializationException", "Start of structure or map found where not expected.");
        }
    }

    /// <summary>Without a usable Authorization header the error still has to come in the right format.</summary>
    private static string GuessService(string target, QueryParams form)
    {
        foreach (var (service, prefix) in JsonProtocol.TargetPrefixes)
            if (target.StartsWith(prefix + ".", StringComparison.Ordinal)) return service;
        return form.Get("Version") switch
        {
            "2016-11-15" => "ec2",
            "2011-06-15" => "sts",
            "2015-12-01" => "elasticloadbalancing",
            _ => "cloudformation",
        };
    }
}
