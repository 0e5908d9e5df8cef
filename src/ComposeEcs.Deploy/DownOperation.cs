using ComposeEcs.Aws.Clients;
using ComposeEcs.Aws;

namespace ComposeEcs.Deploy;

/// <summary><see cref="StoppedWatching"/>: throttled or cut off after the deletion was requested (or when it could not be told whether it was); it goes on in AWS.</summary>
public enum DownOutcome { Deleted, NotFound, Failed, Interrupted, StoppedWatching }

/// <summary>A resource CloudFormation kept because of its DeletionPolicy (EFS file systems with Retain).</summary>
public sealed record RetainedResource(string LogicalId, string ResourceType, string? PhysicalId);

/// <param name="Started">Whether the deletion was requested in AWS (it continues there after an interruption).</param>
public sealed record DownResult(DownOutcome Outcome, IReadOnlyList<RetainedResource> Retained, ResourceFailure? Failure, bool Started)
{
    /// <summary>Why watching stopped (<see cref="DownOutcome.StoppedWatching"/>).</summary>
    public string? Reason { get; init; }
}

/// <summary><c>down</c>: delete the project's stack and watch it go.</summary>
/// <remarks>Its decisions depend on CloudFormation alone (<see cref="ICloudFormationStacks"/>), so they are tested in memory.</remarks>
public sealed class DownOperation(ICloudFormationStacks cfn, DeployTimings timings)
{
    private readonly ICloudFormationStacks _cfn = cfn;
    private readonly StackWatcher _watcher = new(cfn, timings);

    public DownOperation(AwsContext aws, DeployTimings timings) : this(aws.CloudFormation, timings) { }

    public async Task<DownResult> RunAsync(string stackName, IProgress<DeployEvent> progress, CancellationToken cancellationToken)
    {
        var started = false;
        try
        {
            var stack = await _cfn.FindStackAsync(stackName, cancellationToken).ConfigureAwait(false);
            if (stack is null) return new DownResult(DownOutcome.NotFound, [], null, false);

            if (StackStatuses.IsInProgress(stack.StackStatus) && stack.StackStatus != "DELETE_IN_PROGRESS")
            {
                progress.Report(new WaitingForOtherOperation(stackName, stack.StackStatus));
                var waitMarker = await _watcher.NewestEventIdAsync(stack.StackId, cancellationToken).ConfigureAwait(false);
                await _watcher.WatchAsync(stack.StackId, waitMarker, progress, cancellationToken).ConfigureAwait(false);
            }

            var resources = await StackTree.ResourcesAsync(_cfn, stack.StackId, cancellationToken).ConfigureAwait(false);
            // What the template declares it keeps (Ecs.KeptFileSystems), read now: the outputs go with the stack.
            var kept = Ecs.KeptFileSystems.Read(StackOutputs.Of(stack))
                .Select(f => new RetainedResource(f.LogicalId, Ecs.KeptFileSystems.ResourceType, f.FileSystemId)).ToList();
            var marker = await _watcher.NewestEventIdAsync(stack.StackId, cancellationToken).ConfigureAwait(false);
            // Not cancelled halfway (so "was the delete requested?" has an answer), and safe to retry with its token.
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await _cfn.DeleteStackAsync(stack.StackId, IdempotencyTokens.DeleteStack(DateTimeOffset.UtcNow), CancellationToken.None).ConfigureAwait(false);
            }
            catch (AwsNetworkException e)
            {
                return new DownResult(DownOutcome.StoppedWatching, [], null, false) { Reason = e.Message };
            }
            started = true;
            progress.Report(new StackOperationStarted(stackName, "delete", resources.Count(r => r.ResourceStatus != StackStatuses.DeleteComplete)));

            var skipped = new List<string>();
            var collecting = new CollectingProgress(progress, e =>
            {
                if (e is ResourceStatusChanged { Status: StackStatuses.DeleteSkipped } s) skipped.Add(s.LogicalId);
            });
            var outcome = await _watcher.WatchAsync(stack.StackId, marker, collecting, cancellationToken).ConfigureAwait(false);
            var retained = kept.Concat(resources.Where(r => skipped.Contains(r.LogicalResourceId) && !kept.Any(k => k.LogicalId == r.LogicalResourceId))
                .Select(r => new RetainedResource(r.LogicalResourceId, r.ResourceType, r.PhysicalResourceId))).ToList();
            return outcome.Status == StackStatuses.DeleteComplete
                ? new DownResult(DownOutcome.Deleted, retained, null, true)
                : new DownResult(DownOutcome.Failed, retained, outcome.FirstFailure, true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new DownResult(DownOutcome.Interrupted, [], null, started);
        }
        catch (AwsException e) when (started)
        {
            return new DownResult(DownOutcome.StoppedWatching, [], null, true) { Reason = e.Message };
        }
    }

    /// <summary>Forwards events synchronously and lets the operation look at them on the way.</summary>
    private sealed class CollectingProgress(IProgress<DeployEvent> inner, Action<DeployEvent> observe) : IProgress<DeployEvent>
    {
        public void Report(DeployEvent value)
        {
            observe(value);
            inner.Report(value);
        }
    }
}
