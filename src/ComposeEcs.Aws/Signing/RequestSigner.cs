using ComposeEcs.Aws.Credentials;

namespace ComposeEcs.Aws.Signing;

/// <summary>Signs an outgoing <see cref="HttpRequestMessage"/> in place (headers only; the body is given as bytes).</summary>
public static class RequestSigner
{
    public static void Sign(
        HttpRequestMessage request, ReadOnlySpan<byte> body, AwsCredentials credentials,
        string region, string service, DateTimeOffset time)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        request.Headers.Host = uri.Authority;
        request.Headers.Remove("X-Amz-Date");
        request.Headers.Remove("X-Amz-Security-Token");
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", SigV4.AmzDate(time));
        if (credentials.SessionToken is { } token)
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);

        var headers = new List<KeyValuePair<string, string>> { KeyValuePair.Create("host", uri.Authority) };
        foreach (var header in request.Headers)
        {
            if (header.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
                headers.AddRange(header.Value.Select(v => KeyValuePair.Create(header.Key, v)));
        }
        if (request.Content?.Headers.ContentType is { } contentType)
            headers.Add(KeyValuePair.Create("content-type", contentType.ToString()));

        var authorization = SigV4.Authorization(
            credentials, time, region, service, request.Method.Method, uri.AbsolutePath, uri.Query, headers, SigV4.HexSha256(body));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
    }
}
