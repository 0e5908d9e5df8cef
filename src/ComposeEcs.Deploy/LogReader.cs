using System.Runtime.CompilerServices;
using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy;

/// <param name="Services">Only these compose services; all when empty.</param>
/// <param name="Since">Only events at or after this time.</param>
/// <param name="Tail">Only the last N events of each service (before following).</param>
/// <param name="Follow">Keep polling for new events until cancelled.</param>
public sealed record LogsRequest(string ProjectName, IReadOnlyList<string> Services, DateTimeOffset? Since = null, int? Tail = null, bool Follow = false)
{
    /// <summary>Only events before this time (<c>--until</c>).</summary>
    public DateTimeOffset? Until { get; init; }
}

/// <summary>One log line of a service's task. Streams are named <c>&lt;prefix&gt;/&lt;container&gt;/&lt;task-id&gt;</c>.</summary>
public sealed record LogLine(string Service, string TaskId, DateTimeOffset Timestamp, string Message);

/// <summary><c>logs</c>: CloudWatch log events of a project's services, oldest first.</summary>
public sealed class LogReader(AwsContext aws, DeployTimings timings)
{
    public async IAsyncEnumerable<LogLine> ReadAsync(LogsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var group = StackNames.LogGroup(request.ProjectName);
        var initial = await FetchAsync(group, request, request.Since, cancellationToken).ConfigureAwait(false);
        var lines = request.Tail is { } tail
            ? initial.GroupBy(l => l.Line.Service).SelectMany(g => g.TakeLast(Math.Max(0, tail))).OrderBy(l => l.Line.Timestamp).ToList()
            : initial;
        foreach (var l in lines) yield return l.Line;
        if (!request.Follow) yield break;

        // Follow: ask again from the newest timestamp seen (inclusive) and drop the events already printed.
        var seen = new HashSet<string>(initial.Select(l => l.Key), StringComparer.Ordinal);
        var from = initial.Count > 0 ? initial.Max(l => l.Line.Timestamp) : request.Since ?? DateTimeOffset.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(timings.PollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            List<KeyedLine> next;
            try
            {
                next = await FetchAsync(group, request, from, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }
            foreach (var l in next.Where(l => seen.Add(l.Key)))
            {
                from = l.Line.Timestamp > from ? l.Line.Timestamp : from;
                yield return l.Line;
            }
        }
    }

    private sealed record KeyedLine(string Key, LogLine Line);

    private async Task<List<KeyedLine>> FetchAsync(string group, LogsRequest request, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var prefixes = request.Services.Count == 0
            ? [null]
            : request.Services.Select(s => (string?)$"{request.ProjectName}/{s}/").ToList();
        var lines = new List<KeyedLine>();
        foreach (var prefix in prefixes)
        {
            try
            {
                var filter = new FilterLogEventsRequest(group, LogStreamNamePrefix: prefix, StartTime: since, EndTime: request.Until);
                await foreach (var e in aws.Logs.FilterLogEventsAsync(filter, cancellationToken).ConfigureAwait(false))
                {
                    if (ParseStream(e.LogStreamName) is not { } stream) continue;
                    var key = e.EventId ?? $"{e.LogStreamName}\n{e.Timestamp.ToUnixTimeMilliseconds()}\n{e.Message}";
                    lines.Add(new KeyedLine(key, new LogLine(stream.Service, stream.TaskId, e.Timestamp, e.Message.TrimEnd('\n', '\r'))));
                }
            }
            catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
            {
                // No log group yet: nothing has logged (or the project is not deployed).
            }
        }
        return lines.OrderBy(l => l.Line.Timestamp).ThenBy(l => l.Line.Service, StringComparer.Ordinal).ToList();
    }

    /// <summary>(container, task id) from <c>prefix/container/task-id</c>; null for streams of another shape.</summary>
    public static (string Service, string TaskId)? ParseStream(string streamName)
    {
        var parts = streamName.Split('/');
        return parts.Length >= 3 ? (parts[^2], parts[^1]) : null;
    }
}
