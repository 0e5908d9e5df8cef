using System.Text;
using ComposeEcs.FakeAws.Services;
using Microsoft.AspNetCore.Http;

namespace ComposeEcs.FakeAws;

/// <summary>S3 is REST-XML: routed by the credential scope, then by method, path and sub-resource in <see cref="S3Api"/>.</summary>
internal sealed partial class Routing
{
    public S3Api? S3 { get; init; }

    private static bool IsS3(HttpRequest request) =>
        AuthorizationPattern().Match(request.Headers.Authorization.ToString()) is { Success: true } m && m.Groups["service"].Value == "s3";

    private async Task HandleS3Async(HttpContext context, S3Api s3)
    {
        var requestId = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        record(new RecordedRequest("s3", S3Api.ActionOf(context.Request), context.Request.Headers.Authorization.ToString(), Encoding.UTF8.GetString(body),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), DateTimeOffset.UtcNow));
        await s3.HandleAsync(context, body, requestId);
    }
}
