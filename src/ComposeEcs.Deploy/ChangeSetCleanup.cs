using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy;

/// <summary>
/// Removes what <c>up</c> created before executing when it does not go on (an error, Ctrl-C, a dry run, nothing to
/// change): the change set, which holds the parameters (secret values included), and a stack that exists only for it
/// (<c>REVIEW_IN_PROGRESS</c>). Works by name, so it also removes a change set whose creation answer never arrived.
/// </summary>
public sealed class ChangeSetCleanup(ICloudFormationStacks cloudFormation, DeployTimings timings)
{
    /// <summary>How long cleaning up may take; it runs after the user's Ctrl-C, so it must end on its own.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <returns>True when nothing is left behind; false when a step failed (the caller says what may remain).</returns>
    public async Task<bool> RemoveAsync(string stackName, string changeSetName, bool removeReviewStack)
    {
        using var limit = new CancellationTokenSource(Limit);
        var token = limit.Token;
        try
        {
            // A change set still being computed cannot be deleted: wait until CloudFormation is done with it.
            while (await StatusAsync(stackName, changeSetName, token).ConfigureAwait(false) is "CREATE_PENDING" or "CREATE_IN_PROGRESS")
                await Task.Delay(timings.PollInterval, token).ConfigureAwait(false);
            try
            {
                await cloudFormation.DeleteChangeSetAsync(changeSetName, stackName, token).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (IsGone(e))
            {
                // Never created, or already deleted by an earlier attempt whose answer was lost.
            }
            if (!removeReviewStack) return true;
            var stack = await cloudFormation.FindStackAsync(stackName, token).ConfigureAwait(false);
            if (stack?.StackStatus == StackStatuses.ReviewInProgress)
                await cloudFormation.DeleteStackAsync(stack.StackId, cancellationToken: token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is AwsException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<string?> StatusAsync(string stackName, string changeSetName, CancellationToken token)
    {
        try
        {
            return (await cloudFormation.DescribeChangeSetAsync(changeSetName, stackName, token).ConfigureAwait(false)).Status;
        }
        catch (AwsServiceException e) when (IsGone(e))
        {
            return null;
        }
    }

    private static bool IsGone(AwsServiceException e) => e.Code is "ChangeSetNotFound" or "ChangeSetNotFoundException" or "ValidationError";
}
