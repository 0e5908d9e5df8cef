using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy;

/// <summary>The final state of a watched stack operation, and the first resource failure if any.</summary>
/// <param name="Stack">The stack at the end, or null when it no longer exists (deleted).</param>
public sealed record WatchOutcome(string Status, Stack? Stack, ResourceFailure? FirstFailure)
{
    public bool Succeeded => StackStatuses.IsSuccess(Status);
}

/// <summary>The resource that made an operation fail, with CloudFormation's reason.</summary>
public sealed record ResourceFailure(string LogicalId, string ResourceType, string Status, string Reason);

/// <summary>Polls a stack's events and status until no operation is running, reporting each new event in order.</summary>
public sealed class StackWatcher(ICloudFormationStacks cloudFormation, DeployTimings timings)
{
    private const int MaxQuietRounds = 20;

    /// <summary>The id of the newest event so far, so watching later reports only what happens after it.</summary>
    public async Task<string?> NewestEventIdAsync(string stackId, CancellationToken cancellationToken)
    {
        await foreach (var e in cloudFormation.DescribeStackEventsAsync(stackId, cancellationToken).ConfigureAwait(false))
            return e.EventId;
        return null;
    }

    /// <param name="stackId">The stack ARN (works for deleted stacks too), or its name.</param>
    /// <param name="afterEventId">Events up to and including this one are not reported.</param>
    public async Task<WatchOutcome> WatchAsync(string stackId, string? afterEventId, IProgress<DeployEvent> progress, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (afterEventId is not null) seen.Add(afterEventId);
        ResourceFailure? firstFailure = null;
        var active = false;
        for (var round = 0; ; round++)
        {
            // Status first: when it is final, the events read after it include the final ones.
            var stack = await cloudFormation.FindStackAsync(stackId, cancellationToken).ConfigureAwait(false);
            var status = stack?.StackStatus ?? StackStatuses.DeleteComplete;
            var fresh = stack is null ? [] : await NewEventsAsync(stackId, seen, cancellationToken).ConfigureAwait(false);
            foreach (var e in fresh)
            {
                var isStack = e.PhysicalResourceId == e.StackId || e.LogicalResourceId == e.StackName && e.ResourceType == "AWS::CloudFormation::Stack";
                if (!isStack && firstFailure is null && StackStatuses.IsCauseOfFailure(e.ResourceStatus, e.ResourceStatusReason))
                    firstFailure = new ResourceFailure(e.LogicalResourceId, e.ResourceType, e.ResourceStatus, e.ResourceStatusReason ?? "");
                progress.Report(new ResourceStatusChanged(e.LogicalResourceId, e.ResourceType, e.ResourceStatus, e.ResourceStatusReason, e.Timestamp, isStack));
            }

            // Execute and delete are asynchronous: until the operation shows (a new event, an _IN_PROGRESS status),
            // the status read may still be the previous one's.
            active |= fresh.Count > 0 || StackStatuses.IsInProgress(status) || stack is null;
            if (!StackStatuses.IsInProgress(status) && (active || round >= MaxQuietRounds))
            {
                if (firstFailure is null && StackStatuses.IsFailure(status))
                    firstFailure = new ResourceFailure(stack?.StackName ?? stackId, "AWS::CloudFormation::Stack", status, stack?.StackStatusReason ?? status);
                progress.Report(new StackSettled(stack?.StackName ?? stackId, status, stack?.StackStatusReason));
                return new WatchOutcome(status, stack, firstFailure);
            }
            await Task.Delay(timings.Delay(round), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Events not seen yet, oldest first. Events come newest first, so reading stops at the first one seen in an earlier round.</summary>
    private async Task<List<StackEvent>> NewEventsAsync(string stackId, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var fresh = new List<StackEvent>();
        var thisRound = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var e in cloudFormation.DescribeStackEventsAsync(stackId, cancellationToken).ConfigureAwait(false))
            {
                // Pages can shift while new events arrive, repeating an event of this round: skip it, keep reading.
                if (thisRound.Contains(e.EventId)) continue;
                if (!seen.Add(e.EventId)) break;
                thisRound.Add(e.EventId);
                fresh.Add(e);
            }
        }
        catch (AwsServiceException e) when (e.Code == "ValidationError")
        {
            // The stack vanished between the status and the events (deleted); the next round sees that.
        }
        fresh.Reverse();
        // Events that arrived while paging can be read out of place; time order puts them back (OrderBy is stable).
        return fresh.OrderBy(e => e.Timestamp).ToList();
    }
}
