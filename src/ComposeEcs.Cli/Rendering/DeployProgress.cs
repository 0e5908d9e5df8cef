using System.Collections.Immutable;
using ComposeEcs.Deploy;

namespace ComposeEcs.Cli.Rendering;

/// <summary>One resource line of the live view.</summary>
public sealed record ResourceLine(string LogicalId, string ResourceType, string Status, string? Reason, DateTimeOffset Started, DateTimeOffset? Finished)
{
    public bool IsDone => Finished is not null;
    public bool IsFailed => StackStatuses.IsCauseOfFailure(Status, Reason);
}

/// <summary>
/// What the live view shows, folded from <see cref="DeployEvent"/>s: pure, so it can be tested without a console.
/// Times are the local clock's (when we saw an event), so elapsed times do not depend on AWS's clock.
/// </summary>
public sealed record DeployProgress
{
    public string? StackName { get; init; }
    public string? Operation { get; init; }
    public int Expected { get; init; }
    public string? StackStatus { get; init; }
    public DateTimeOffset? OperationStarted { get; init; }
    public ImmutableList<ResourceLine> Resources { get; init; } = [];

    public int DoneCount => Resources.Count(r => r.IsDone);
    public int Total => Math.Max(Expected, Resources.Count);

    public DeployProgress Apply(DeployEvent e, DateTimeOffset now) => e switch
    {
        StackOperationStarted s => this with
        {
            StackName = s.StackName, Operation = s.Operation, Expected = s.ExpectedResources, OperationStarted = now, Resources = [], StackStatus = null,
        },
        ResourceStatusChanged { IsStack: true } r => this with { StackStatus = r.Status },
        ResourceStatusChanged r => this with { Resources = Upsert(r, now) },
        StackSettled s => this with { StackStatus = s.Status },
        _ => this,
    };

    private ImmutableList<ResourceLine> Upsert(ResourceStatusChanged r, DateTimeOffset now)
    {
        var finished = StackStatuses.IsInProgress(r.Status) ? (DateTimeOffset?)null : now;
        var index = Resources.FindIndex(x => x.LogicalId == r.LogicalId);
        if (index < 0) return Resources.Add(new ResourceLine(r.LogicalId, r.ResourceType, r.Status, r.Reason, now, finished));
        var old = Resources[index];
        // A failed line stays as it failed (reason in red) while the rollback moves the resource on.
        return old.IsFailed ? Resources : Resources.SetItem(index, old with { Status = r.Status, Reason = r.Reason, Finished = finished });
    }

    /// <summary>Elapsed time as docker compose prints it: <c>3.2s</c>, or <c>2m05s</c> past a minute.</summary>
    public static string FormatElapsed(TimeSpan elapsed) =>
        elapsed.TotalSeconds < 60
            ? $"{Math.Max(0, elapsed.TotalSeconds):0.0}s"
            : $"{(int)elapsed.TotalMinutes}m{elapsed.Seconds:00}s";
}
