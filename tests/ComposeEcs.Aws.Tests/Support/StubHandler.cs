using System.Net;
using System.Text;

namespace ComposeEcs.Aws.Tests.Support;

/// <summary>An in-process HTTP handler: answers from a script, records what was sent. No socket is opened.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _responses = new();

    public List<SentRequest> Sent { get; } = [];

    public StubHandler Then(HttpStatusCode status, string body, string contentType = "text/xml", params (string Name, string Value)[] headers)
    {
        _responses.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            foreach (var (name, value) in headers)
                response.Headers.TryAddWithoutValidation(name, value);
            return response;
        });
        return this;
    }

    public StubHandler ThenThrow(Exception exception)
    {
        _responses.Enqueue(_ => throw exception);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Sent.Add(new SentRequest(request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.ToString(), body));
        if (_responses.Count == 0)
            throw new InvalidOperationException("The stub has no more responses.");
        return _responses.Dequeue()(request);
    }
}

public sealed record SentRequest(Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body);
