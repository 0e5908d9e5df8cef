using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy;

/// <summary>
/// The changes of a change set created with IncludeNestedStacks, every level: after each nested stack's own line come
/// its changes, named <c>&lt;NestedStack&gt;/&lt;LogicalId&gt;</c>.
/// </summary>
public static class NestedChanges
{
    public static async Task<IReadOnlyList<PlannedChange>> ExpandAsync(
        ICloudFormationStacks cloudFormation, DeployTimings timings, IReadOnlyList<ResourceChange> changes, string prefix, CancellationToken cancellationToken)
    {
        var planned = new List<PlannedChange>();
        foreach (var change in changes)
        {
            planned.Add(new PlannedChange(change.Action, prefix + change.LogicalResourceId, change.ResourceType, change.Replacement));
            if (change.ChangeSetId is not { Length: > 0 } nestedId) continue;
            var nested = await cloudFormation.DescribeChangeSetAsync(nestedId, cancellationToken: cancellationToken).ConfigureAwait(false);
            while (nested.Status is not ("CREATE_COMPLETE" or "FAILED"))
            {
                await Task.Delay(timings.PollInterval, cancellationToken).ConfigureAwait(false);
                nested = await cloudFormation.DescribeChangeSetAsync(nestedId, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            planned.AddRange(await ExpandAsync(cloudFormation, timings, nested.Changes, $"{prefix}{change.LogicalResourceId}/", cancellationToken).ConfigureAwait(false));
        }
        return planned;
    }
}
