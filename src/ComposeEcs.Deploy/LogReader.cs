using System.Runtime.CompilerServices;
using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;
using ComposeEcs.Ecs;

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
        var queries = await QueriesAsync(request, cancellationToken).ConfigureAwait(false);
        var initial = await FetchAsync(queries, request, request.Since, cancellationToken).ConfigureAwait(false);
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
                next = await FetchAsync(queries, request, from, cancellationToken).ConfigureAwait(false);
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

    /// <summary>One FilterLogEvents query: a log group, and the stream name prefix of one container (null: every stream).</summary>
    private sealed record Query(string Group, string? StreamPrefix);

    /// <summary>
    /// Where to read, from the log sources the project's stack publishes (<see cref="LogSources"/>): the group and
    /// stream prefix the template gave each service, a custom <c>awslogs-group</c> included. A project that is not
    /// deployed, or whose stack predates those outputs, is read from the project's default group.
    /// </summary>
    private async Task<IReadOnlyList<Query>> QueriesAsync(LogsRequest request, CancellationToken cancellationToken)
    {
        var stack = await aws.CloudFormation.FindStackAsync(StackNames.For(request.ProjectName), cancellationToken).ConfigureAwait(false);
        var (published, own) = LogSources.Read(StackOutputs.Of(stack));
        var fallback = published ?? new LogSource(StackNames.LogGroup(request.ProjectName), request.ProjectName);
        if (request.Services.Count > 0)
            return [.. request.Services.Select(s => own.GetValueOrDefault(s) ?? fallback).Zip(request.Services, (source, s) => new Query(source.Group, source.StreamsOf(s))).Distinct()];
        return [new Query(fallback.Group, null), .. own.Select(e => new Query(e.Value.Group, e.Value.StreamsOf(e.Key))).Distinct()];
    }

    private async Task<List<KeyedLine>> FetchAsync(IReadOnlyList<Query> queries, LogsRequest request, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var lines = new List<KeyedLine>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (group, prefix) in queries)
        {
            try
            {
                var filter = new FilterLogEventsRequest(group, LogStreamNamePrefix: prefix, StartTime: since, EndTime: request.Until);
                await foreach (var e in aws.Logs.FilterLogEventsAsync(filter, cancellationToken).ConfigureAwait(false))
                {
                    if (ParseStream(e.LogStreamName) is not { } stream) continue;
                    var key = $"{group}\n{e.EventId ?? $"{e.LogStreamName}\n{e.Timestamp.ToUnixTimeMilliseconds()}\n{e.Message}"}";
                    if (!keys.Add(key)) continue;
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
