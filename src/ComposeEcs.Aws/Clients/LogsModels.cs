namespace ComposeEcs.Aws.Clients;

/// <param name="StartTime">Only events at or after this time.</param>
/// <param name="EndTime">Only events before this time.</param>
/// <param name="Limit">Events per page (the service default is 10,000).</param>
public sealed record FilterLogEventsRequest(
    string LogGroupName,
    IReadOnlyList<string>? LogStreamNames = null,
    string? LogStreamNamePrefix = null,
    DateTimeOffset? StartTime = null,
    DateTimeOffset? EndTime = null,
    string? FilterPattern = null,
    int? Limit = null);

public sealed record FilteredLogEvent(string LogStreamName, DateTimeOffset Timestamp, string Message, DateTimeOffset? IngestionTime, string? EventId);

public sealed record GetLogEventsRequest(
    string LogGroupName,
    string LogStreamName,
    DateTimeOffset? StartTime = null,
    DateTimeOffset? EndTime = null,
    bool StartFromHead = true,
    string? NextToken = null,
    int? Limit = null);

public sealed record OutputLogEvent(DateTimeOffset Timestamp, string Message, DateTimeOffset? IngestionTime);

/// <summary>One page of GetLogEvents; pass <see cref="NextForwardToken"/> back to continue (it repeats at the end).</summary>
public sealed record GetLogEventsPage(IReadOnlyList<OutputLogEvent> Events, string? NextForwardToken, string? NextBackwardToken);
