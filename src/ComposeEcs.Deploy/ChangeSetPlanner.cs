using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy;

/// <summary>A computed change set: its changes, or why CloudFormation refused it.</summary>
/// <param name="IsEmpty">CloudFormation found nothing to change (the stack is up to date).</param>
public sealed record PlannedChangeSet(string ChangeSetId, string StackId, IReadOnlyList<PlannedChange> Changes, bool IsEmpty, string? FailureReason)
{
    /// <summary>The name this run gave the change set (unique per run; its idempotency tokens derive from it).</summary>
    public string ChangeSetName { get; init; } = "";
}

/// <summary>Creates a change set and waits until CloudFormation has computed it.</summary>
public sealed class ChangeSetPlanner(ICloudFormationStacks cloudFormation, DeployTimings timings)
{
    public static readonly IReadOnlyList<string> Capabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"];

    public async Task<PlannedChangeSet> PlanAsync(
        string stackName, string projectName, ChangeSetType type, string templateBody, IReadOnlyList<StackParameter> parameters,
        DateTimeOffset now, CancellationToken cancellationToken, string? templateUrl = null, bool includeNestedStacks = false)
    {
        var name = $"compose-ecs-{now.UtcDateTime:yyyyMMddHHmmssfff}";
        var request = new CreateChangeSetRequest(
            stackName, name, type, templateBody, parameters, Capabilities, [new StackTag(StackNames.ProjectTag, projectName)],
            Description: $"compose-ecs up of project {projectName}", ClientToken: IdempotencyTokens.CreateChangeSet(name),
            TemplateUrl: templateUrl, IncludeNestedStacks: includeNestedStacks);
        var answered = false;
        try
        {
            var created = await CreateAsync(request, cancellationToken).ConfigureAwait(false);
            answered = true;

            while (true)
            {
                var changeSet = await cloudFormation.DescribeChangeSetAsync(created.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
                switch (changeSet.Status)
                {
                    case "CREATE_COMPLETE":
                        var planned = includeNestedStacks
                            ? await NestedChanges.ExpandAsync(cloudFormation, timings, changeSet.Changes, "", cancellationToken).ConfigureAwait(false)
                            : changeSet.Changes.Select(ToPlanned).ToList();
                        return new PlannedChangeSet(created.Id, created.StackId, planned, false, null) { ChangeSetName = name };
                    case "FAILED":
                        var empty = IsNoChanges(changeSet.StatusReason);
                        return new PlannedChangeSet(created.Id, created.StackId, [], empty, empty ? null : changeSet.StatusReason ?? "the change set failed") { ChangeSetName = name };
                }
                await Task.Delay(timings.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is AwsException or OperationCanceledException)
        {
            // Not going on: leave nothing behind, even when the create request reached CloudFormation but its answer did not.
            // CloudFormation may carry out an unanswered create after the cleanup looked for its change set; sending it again
            // with its ClientToken first settles it (the retry is the same request), so the cleanup finds what there is.
            if (!answered && e is not AwsServiceException) await SettleAsync(request).ConfigureAwait(false);
            await new ChangeSetCleanup(cloudFormation, timings).RemoveAsync(stackName, name, type == ChangeSetType.Create).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// CreateChangeSet with its ClientToken. Should a retry after a lost answer still meet <c>AlreadyExistsException</c>,
    /// the change set of that name can only be this run's own (the name is unique per run): carry on with it.
    /// </summary>
    private async Task<CreateChangeSetResult> CreateAsync(CreateChangeSetRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await cloudFormation.CreateChangeSetAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "AlreadyExistsException")
        {
            ChangeSet mine;
            try { mine = await cloudFormation.DescribeChangeSetAsync(request.ChangeSetName, request.StackName, cancellationToken).ConfigureAwait(false); }
            catch (AwsServiceException) { throw e; }
            return new CreateChangeSetResult(mine.ChangeSetId, mine.StackId);
        }
    }

    /// <summary>The create again, not cancellable by the user but bounded like the cleanup; its failure leaves the cleanup to do what it can.</summary>
    private async Task SettleAsync(CreateChangeSetRequest request)
    {
        using var limit = new CancellationTokenSource(ChangeSetCleanup.Limit);
        try { await CreateAsync(request, limit.Token).ConfigureAwait(false); }
        catch (Exception e) when (e is AwsException or OperationCanceledException) { }
    }

    /// <summary>CloudFormation fails a change set that changes nothing; these are its two wordings.</summary>
    public static bool IsNoChanges(string? reason) =>
        reason is not null
        && (reason.Contains("didn't contain changes", StringComparison.Ordinal) || reason.Contains("No updates are to be performed", StringComparison.Ordinal));

    private static PlannedChange ToPlanned(ResourceChange c) => new(c.Action, c.LogicalResourceId, c.ResourceType, c.Replacement);
}
