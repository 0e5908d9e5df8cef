using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy;

/// <summary>What <c>up</c> deploys: a rendered template and its filled parameters.</summary>
/// <param name="TemplateUrl">The template in S3 (see <see cref="TemplateStaging"/>) when it is too big to send inline.</param>
/// <param name="IncludeNestedStacks">The template has nested stacks whose changes the change set should show.</param>
public sealed record UpRequest(
    string StackName, string ProjectName, string TemplateBody, IReadOnlyList<StackParameter> Parameters, bool DryRun = false, bool Detach = false,
    string? TemplateUrl = null, bool IncludeNestedStacks = false);

public enum UpOutcome
{
    /// <summary>The change set ran and the stack reached CREATE_COMPLETE / UPDATE_COMPLETE.</summary>
    Deployed,
    /// <summary>Nothing to change; nothing was executed.</summary>
    UpToDate,
    /// <summary>The change set was shown and deleted again.</summary>
    DryRun,
    /// <summary>The change set is executing; we did not wait (--detach).</summary>
    Detached,
    /// <summary>The change set was refused or the stack rolled back; see <see cref="UpResult.Failure"/>.</summary>
    Failed,
    /// <summary>Cancelled while waiting; if <see cref="UpResult.Started"/> the operation continues in AWS.</summary>
    Interrupted,
    /// <summary>
    /// Watching stopped (throttling, network) after the deployment started, or when it could not be told whether it
    /// started (<see cref="UpResult.Started"/> false); the deployment goes on in AWS. <see cref="UpResult.Reason"/> says why.
    /// </summary>
    StoppedWatching,
}

/// <param name="Started">Whether a stack operation was started in AWS (the change set executed).</param>
public sealed record UpResult(UpOutcome Outcome, IReadOnlyList<PlannedChange> Changes, Stack? Stack, ResourceFailure? Failure, bool Started)
{
    /// <summary>Why watching stopped (<see cref="UpOutcome.StoppedWatching"/>).</summary>
    public string? Reason { get; init; }
}

/// <summary><c>up</c>: plan a change set, show it, execute it and watch the stack until it settles.</summary>
/// <remarks>Its decisions depend on CloudFormation alone (<see cref="ICloudFormationStacks"/>), so they are tested in memory.</remarks>
public sealed class UpOperation(ICloudFormationStacks cfn, DeployTimings timings, TimeProvider? time = null)
{
    private readonly ICloudFormationStacks _cfn = cfn;
    private readonly StackWatcher _watcher = new(cfn, timings);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public UpOperation(AwsContext aws, DeployTimings timings, TimeProvider? time = null) : this(aws.CloudFormation, timings, time) { }

    public async Task<UpResult> RunAsync(UpRequest request, IProgress<DeployEvent> progress, CancellationToken cancellationToken)
    {
        var started = false;
        IReadOnlyList<PlannedChange> changes = [];
        try
        {
            var stack = await SettleExistingAsync(request, progress, cancellationToken).ConfigureAwait(false);
            if (stack?.StackStatus == StackStatuses.RollbackComplete)
                return Fail(stack, $"the stack is in {StackStatuses.RollbackComplete} after a failed create; 'up' without --dry-run deletes it and creates it again");

            var isNew = stack is null || stack.StackStatus == StackStatuses.ReviewInProgress;
            var parameters = request.DryRun ? DryRunParameters.WithoutSecrets(request.Parameters, stack) : request.Parameters;
            var plan = await new ChangeSetPlanner(_cfn, timings).PlanAsync(request.StackName, request.ProjectName,
                isNew ? ChangeSetType.Create : ChangeSetType.Update, request.TemplateBody, parameters, _time.GetUtcNow(), cancellationToken,
                request.TemplateUrl, request.IncludeNestedStacks).ConfigureAwait(false);
            changes = plan.Changes;

            if (plan.IsEmpty || plan.FailureReason is not null || request.DryRun)
            {
                if (!plan.IsEmpty && plan.FailureReason is null) progress.Report(new ChangeSetComputed(request.StackName, isNew, changes));
                await new ChangeSetCleanup(_cfn, timings).RemoveAsync(request.StackName, plan.ChangeSetName, isNew && stack is null).ConfigureAwait(false);
                if (plan.IsEmpty)
                {
                    progress.Report(new ChangeSetComputed(request.StackName, isNew, []));
                    return new UpResult(UpOutcome.UpToDate, [], stack, null, false);
                }
                return plan.FailureReason is { } reason
                    ? Fail(stack, $"CloudFormation refused the change set: {reason}")
                    : new UpResult(UpOutcome.DryRun, changes, stack, null, false);
            }

            progress.Report(new ChangeSetComputed(request.StackName, isNew, changes));
            string? marker;
            try
            {
                marker = await _watcher.NewestEventIdAsync(plan.StackId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AwsException or OperationCanceledException)
            {
                await new ChangeSetCleanup(_cfn, timings).RemoveAsync(request.StackName, plan.ChangeSetName, isNew).ConfigureAwait(false);
                throw;
            }
            var (start, problem) = await new ChangeSetExecution(_cfn).ExecuteAsync(plan.ChangeSetId, plan.ChangeSetName).ConfigureAwait(false);
            if (start == ExecutionStart.Unknown)
                return new UpResult(UpOutcome.StoppedWatching, changes, stack, null, false) { Reason = problem };
            if (start == ExecutionStart.NotStarted)
            {
                await new ChangeSetCleanup(_cfn, timings).RemoveAsync(request.StackName, plan.ChangeSetName, isNew).ConfigureAwait(false);
                return Fail(stack, $"could not execute the change set: {problem}");
            }
            started = true;
            progress.Report(new StackOperationStarted(request.StackName, isNew ? "create" : "update", changes.Count));
            if (request.Detach)
                return new UpResult(UpOutcome.Detached, changes, stack, null, true);

            var outcome = await _watcher.WatchAsync(plan.StackId, marker, progress, cancellationToken).ConfigureAwait(false);
            return new UpResult(outcome.Succeeded ? UpOutcome.Deployed : UpOutcome.Failed, changes, outcome.Stack, outcome.FirstFailure, true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new UpResult(UpOutcome.Interrupted, changes, null, null, started);
        }
        catch (AwsException e) when (started)
        {
            // Throttled or cut off while watching: the stack operation does not depend on us watching it.
            return new UpResult(UpOutcome.StoppedWatching, changes, null, null, true) { Reason = e.Message };
        }

        UpResult Fail(Stack? stack, string reason) => new(UpOutcome.Failed, changes, stack,
            new ResourceFailure(request.StackName, "AWS::CloudFormation::Stack", stack?.StackStatus ?? "", reason), started);
    }

    /// <summary>
    /// The stack as it stands once no other operation runs on it: waits for one in progress, and deletes a stack left
    /// in ROLLBACK_COMPLETE by a failed create (it can only be deleted) unless this is a dry run.
    /// </summary>
    private async Task<Stack?> SettleExistingAsync(UpRequest request, IProgress<DeployEvent> progress, CancellationToken cancellationToken)
    {
        var stack = await _cfn.FindStackAsync(request.StackName, cancellationToken).ConfigureAwait(false);
        if (stack is not null && StackStatuses.IsInProgress(stack.StackStatus))
        {
            progress.Report(new WaitingForOtherOperation(request.StackName, stack.StackStatus));
            var marker = await _watcher.NewestEventIdAsync(stack.StackId, cancellationToken).ConfigureAwait(false);
            var outcome = await _watcher.WatchAsync(stack.StackId, marker, progress, cancellationToken).ConfigureAwait(false);
            stack = outcome.Stack is { StackStatus: not StackStatuses.DeleteComplete } s ? s : null;
        }

        if (stack?.StackStatus == StackStatuses.RollbackComplete && !request.DryRun)
        {
            progress.Report(new ReplacingFailedStack(request.StackName, stack.StackStatus));
            var marker = await _watcher.NewestEventIdAsync(stack.StackId, cancellationToken).ConfigureAwait(false);
            await _cfn.DeleteStackAsync(stack.StackId, cancellationToken: cancellationToken).ConfigureAwait(false);
            progress.Report(new StackOperationStarted(request.StackName, "delete", 0));
            var outcome = await _watcher.WatchAsync(stack.StackId, marker, progress, cancellationToken).ConfigureAwait(false);
            if (outcome.Status != StackStatuses.DeleteComplete)
                throw new AwsDeployException($"could not delete the failed stack {request.StackName}: {outcome.Status} {outcome.FirstFailure?.Reason}".TrimEnd());
            stack = null;
        }
        return stack;
    }
}
