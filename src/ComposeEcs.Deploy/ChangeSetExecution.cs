using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy;

/// <summary>Whether executing a change set started the stack operation.</summary>
public enum ExecutionStart
{
    Started,
    /// <summary>Nothing started (CloudFormation refused it): the change set is still there to clean up.</summary>
    NotStarted,
    /// <summary>The request may or may not have reached CloudFormation and it could not be asked: say so, do not guess.</summary>
    Unknown,
}

/// <summary>
/// ExecuteChangeSet, safe to retry and honest about its outcome. The request carries a ClientRequestToken, so the
/// transport's retry after a lost answer is accepted; should CloudFormation still answer that retry with
/// <c>InvalidChangeSetStatus</c> (the first attempt already started it), the change set's execution status says so
/// and <c>up</c> carries on watching.
/// </summary>
public sealed class ChangeSetExecution(ICloudFormationStacks cloudFormation)
{
    private static readonly HashSet<string> Executing = new(StringComparer.Ordinal) { "EXECUTE_IN_PROGRESS", "EXECUTE_COMPLETE", "EXECUTE_FAILED" };

    /// <summary>Never cancelled halfway: once decided, the request either went out and the stack moves, or not.</summary>
    public async Task<(ExecutionStart Start, string? Problem)> ExecuteAsync(string changeSetId, string changeSetName)
    {
        try
        {
            await cloudFormation.ExecuteChangeSetAsync(changeSetId, cancellationToken: CancellationToken.None,
                clientRequestToken: IdempotencyTokens.ExecuteChangeSet(changeSetName)).ConfigureAwait(false);
            return (ExecutionStart.Started, null);
        }
        catch (AwsServiceException e) when (e.Code == "InvalidChangeSetStatus")
        {
            if (await LookAsync(changeSetId, e).ConfigureAwait(false) is { } seen) return seen;
            throw;
        }
        catch (AwsNetworkException e)
        {
            return await LookAsync(changeSetId, e).ConfigureAwait(false) ?? (ExecutionStart.NotStarted, e.Message);
        }
    }

    /// <summary>What the change set says about its execution; null when it says nothing started.</summary>
    private async Task<(ExecutionStart, string?)?> LookAsync(string changeSetId, Exception cause)
    {
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var changeSet = await cloudFormation.DescribeChangeSetAsync(changeSetId, cancellationToken: limit.Token).ConfigureAwait(false);
            return Executing.Contains(changeSet.ExecutionStatus) ? (ExecutionStart.Started, null) : null;
        }
        catch (Exception e) when (e is AwsException or OperationCanceledException)
        {
            return (ExecutionStart.Unknown, cause.Message);
        }
    }
}
