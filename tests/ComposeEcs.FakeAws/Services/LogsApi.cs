using System.Text.Json.Nodes;

namespace ComposeEcs.FakeAws.Services;

internal sealed record FakeLogEvent(string Group, string Stream, DateTimeOffset Time, string Message, DateTimeOffset IngestionTime, string EventId);

/// <summary>CloudWatch Logs FilterLogEvents / GetLogEvents / DescribeLogGroups over events the test put (JSON 1.1, Logs_20140328).</summary>
internal sealed class LogsApi(FakeAwsOptions options, string region, string account, Func<IEnumerable<string>> stackLogGroups) : IServiceHandler
{
    private readonly Lock _lock = new();
    private readonly List<FakeLogEvent> _events = [];
    private readonly HashSet<string> _groups = new(StringComparer.Ordinal);

    public string Service => "logs";

    public void Put(string group, string stream, IEnumerable<(DateTimeOffset Time, string Message)> events)
    {
        lock (_lock)
        {
            _groups.Add(group);
            foreach (var (time, message) in events)
                _events.Add(new FakeLogEvent(group, stream, time, message, DateTimeOffset.UtcNow, $"{_events.Count:D56}"));
        }
    }

    public WireResponse Handle(AwsRequest request) => request.Action switch
    {
        "FilterLogEvents" => FilterLogEvents(request),
        "GetLogEvents" => GetLogEvents(request),
        "DescribeLogGroups" => DescribeLogGroups(request),
        _ => throw new AwsError("UnknownOperationException", $"Unknown operation {request.Action}"),
    };

    private IReadOnlyList<string> Groups() { lock (_lock) return _groups.Union(stackLogGroups()).Order(StringComparer.Ordinal).ToList(); }

    private List<FakeLogEvent> EventsOf(string group)
    {
        if (!Groups().Contains(group)) throw new AwsError("ResourceNotFoundException", "The specified log group does not exist.");
        lock (_lock) return _events.Where(e => e.Group == group).OrderBy(e => e.Time).ToList();
    }

    private WireResponse FilterLogEvents(AwsRequest request)
    {
        var json = request.Json;
        var streams = json.Strings("logStreamNames");
        var prefix = json.Str("logStreamNamePrefix");
        if (streams.Count > 0 && prefix is not null)
            throw new AwsError("InvalidParameterException", "Cannot specify both logStreamNames and logStreamNamePrefix");
        var start = json.Long("startTime");
        var end = json.Long("endTime");
        var pattern = json.Str("filterPattern")?.Trim('"');
        var matching = EventsOf(json.RequiredStr("logGroupName"))
            .Where(e => streams.Count == 0 || streams.Contains(e.Stream))
            .Where(e => prefix is null || e.Stream.StartsWith(prefix, StringComparison.Ordinal))
            .Where(e => start is null || e.Time.ToUnixTimeMilliseconds() >= start)
            .Where(e => end is null || e.Time.ToUnixTimeMilliseconds() <= end)
            .Where(e => string.IsNullOrEmpty(pattern) || e.Message.Contains(pattern, StringComparison.Ordinal))
            .ToList();
        var (page, next) = Paging.Page(matching, json.Str("nextToken"), options.PageSize, (int?)json.Long("limit"));
        var body = new JsonObject
        {
            ["events"] = JsonProtocol.Array(page.Select(e => (JsonNode?)new JsonObject
            {
                ["logStreamName"] = e.Stream,
                ["timestamp"] = e.Time.ToUnixTimeMilliseconds(),
                ["message"] = e.Message,
                ["ingestionTime"] = e.IngestionTime.ToUnixTimeMilliseconds(),
                ["eventId"] = e.EventId,
            })),
            ["searchedLogStreams"] = new JsonArray(),
        };
        if (next is not null) body["nextToken"] = next;
        return JsonProtocol.Ok(request, body);
    }

    /// <summary>Forward/backward tokens "f/N" and "b/N"; at the end the same forward token comes back, as AWS does.</summary>
    private WireResponse GetLogEvents(AwsRequest request)
    {
        var json = request.Json;
        var stream = json.RequiredStr("logStreamName");
        var start = json.Long("startTime");
        var end = json.Long("endTime");
        var events = EventsOf(json.RequiredStr("logGroupName"))
            .Where(e => e.Stream == stream)
            .Where(e => start is null || e.Time.ToUnixTimeMilliseconds() >= start)
            .Where(e => end is null || e.Time.ToUnixTimeMilliseconds() < end)
            .ToList();
        var size = Math.Max(1, Math.Min((int?)json.Long("limit") ?? options.PageSize, options.PageSize));
        var token = json.Str("nextToken");
        int from;
        if (token is not null && token.Length > 2 && int.TryParse(token[2..], out var position))
            from = token.StartsWith("b/", StringComparison.Ordinal) ? Math.Max(0, position - size) : position;
        else if (token is not null)
            throw new AwsError("InvalidParameterException", "The specified nextToken is invalid.");
        else
            from = json.Bool("startFromHead") == true ? 0 : Math.Max(0, events.Count - size);
        from = Math.Min(from, events.Count);
        var to = token?.StartsWith("b/", StringComparison.Ordinal) == true ? Math.Min(from + size, int.Parse(token[2..])) : Math.Min(from + size, events.Count);
        var page = events.Skip(from).Take(to - from).ToList();
        return JsonProtocol.Ok(request, new JsonObject
        {
            ["events"] = JsonProtocol.Array(page.Select(e => (JsonNode?)new JsonObject
            {
                ["timestamp"] = e.Time.ToUnixTimeMilliseconds(),
                ["message"] = e.Message,
                ["ingestionTime"] = e.IngestionTime.ToUnixTimeMilliseconds(),
            })),
            ["nextForwardToken"] = $"f/{to:D56}",
            ["nextBackwardToken"] = $"b/{from:D56}",
        });
    }

    private WireResponse DescribeLogGroups(AwsRequest request)
    {
        var prefix = request.Json.Str("logGroupNamePrefix") ?? "";
        var groups = Groups().Where(g => g.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var (page, next) = Paging.Page(groups, request.Json.Str("nextToken"), options.PageSize, (int?)request.Json.Long("limit"));
        var body = new JsonObject
        {
            ["logGroups"] = JsonProtocol.Array(page.Select(g => (JsonNode?)new JsonObject
            {
                ["logGroupName"] = g,
                ["arn"] = $"arn:aws:logs:{region}:{account}:log-group:{g}:*",
                ["creationTime"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                ["storedBytes"] = 0,
            })),
        };
        if (next is not null) body["nextToken"] = next;
        return JsonProtocol.Ok(request, body);
    }
}
