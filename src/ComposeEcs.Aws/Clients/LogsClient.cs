using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Clients;

/// <summary>The CloudWatch Logs operations compose-ecs uses (JSON 1.1, Logs_20140328).</summary>
public sealed class LogsClient(AwsTransport transport)
{
    private readonly JsonProtocol _json = new(transport, AwsService.Logs, "Logs_20140328");

    /// <summary>Matching events across streams, page by page as the caller enumerates.</summary>
    public IAsyncEnumerable<FilteredLogEvent> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken = default) =>
        Paging.All<FilteredLogEvent>(async (token, ct) =>
        {
            var body = new JsonObject { ["logGroupName"] = request.LogGroupName }
                .With("logStreamNames", request.LogStreamNames is { Count: > 0 } names ? Json.Array(names) : null)
                .With("logStreamNamePrefix", request.LogStreamNamePrefix)
                .With("startTime", Millis(request.StartTime))
                .With("endTime", Millis(request.EndTime))
                .With("filterPattern", request.FilterPattern)
                .With("limit", request.Limit)
                .With("nextToken", token);
            var result = await _json.CallAsync("FilterLogEvents", body, ct).ConfigureAwait(false);
            return new Page<FilteredLogEvent>(result.Objects("events").Select(e => new FilteredLogEvent(
                e.StrOrEmpty("logStreamName"), FromMillis(e.Long("timestamp")) ?? DateTimeOffset.MinValue, e.StrOrEmpty("message"),
                FromMillis(e.Long("ingestionTime")), e.Str("eventId"))).ToList(), result.Str("nextToken"));
        }, cancellationToken);

    /// <summary>One page of a stream's events.</summary>
    public async Task<GetLogEventsPage> GetLogEventsAsync(GetLogEventsRequest request, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["logGroupName"] = request.LogGroupName, ["logStreamName"] = request.LogStreamName, ["startFromHead"] = request.StartFromHead }
            .With("startTime", Millis(request.StartTime))
            .With("endTime", Millis(request.EndTime))
            .With("nextToken", request.NextToken)
            .With("limit", request.Limit);
        var result = await _json.CallAsync("GetLogEvents", body, cancellationToken).ConfigureAwait(false);
        return new GetLogEventsPage(
            result.Objects("events").Select(e => new OutputLogEvent(
                FromMillis(e.Long("timestamp")) ?? DateTimeOffset.MinValue, e.StrOrEmpty("message"), FromMillis(e.Long("ingestionTime")))).ToList(),
            result.Str("nextForwardToken"), result.Str("nextBackwardToken"));
    }

    /// <summary>Every event of a stream from the request's position forward, until the forward token stops changing.</summary>
    public async IAsyncEnumerable<OutputLogEvent> GetAllLogEventsAsync(GetLogEventsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var current = request;
        while (true)
        {
            var page = await GetLogEventsAsync(current, cancellationToken).ConfigureAwait(false);
            foreach (var e in page.Events)
                yield return e;
            if (page.NextForwardToken is null || page.NextForwardToken == current.NextToken)
                yield break;
            current = current with { NextToken = page.NextForwardToken, StartFromHead = true };
        }
    }

    private static JsonNode? Millis(DateTimeOffset? time) => time is { } t ? JsonValue.Create(t.ToUnixTimeMilliseconds()) : null;

    private static DateTimeOffset? FromMillis(long? millis) => millis is { } m ? DateTimeOffset.FromUnixTimeMilliseconds(m) : null;
}
