using ComposeEcs.Deploy;
using Spectre.Console;

namespace ComposeEcs.Cli.Rendering;

/// <summary>
/// Without a terminal (CI, pipes, tests): one line per event, nothing redrawn. A resource's (and the stack's) final
/// line gives how long it took, from CloudFormation's own event times, so it does not depend on how often we poll.
/// </summary>
public sealed class PlainDeployView(IAnsiConsole console) : IDeployView
{
    private readonly Dictionary<string, DateTimeOffset> _started = new(StringComparer.Ordinal);
    /// <summary>The logical id column: wide enough for the change set's longest id (a 56-service project has long ones).</summary>
    private int _idWidth = DefaultIdWidth;

    private const int DefaultIdWidth = 36;
    private const int MaxIdWidth = 80;

    public Task<T> RunAsync<T>(Func<IProgress<DeployEvent>, Task<T>> operation) => operation(new SyncProgress<DeployEvent>(Write));

    private void Write(DeployEvent e)
    {
        switch (e)
        {
            case ChangeSetComputed { Changes.Count: > 0 } c:
                _idWidth = Math.Clamp(c.Changes.Max(change => change.LogicalId.Length), DefaultIdWidth, MaxIdWidth);
                console.Write(ChangeSetTable.Render(c.Changes));
                console.WriteLine(ChangeSetTable.Summary(c.Changes));
                break;
            case ResourceStatusChanged r:
                console.WriteLine(Line(r, Elapsed(r), _idWidth));
                break;
            default:
                if (e is StackOperationStarted) _started.Clear();
                if (DeployMessages.For(e) is { } message) console.WriteLine(message);
                break;
        }
    }

    /// <summary>From a resource's first in-progress event to its final one; null while it is in progress.</summary>
    private TimeSpan? Elapsed(ResourceStatusChanged r)
    {
        if (StackStatuses.IsInProgress(r.Status))
        {
            _started.TryAdd(r.LogicalId, r.Timestamp);
            return null;
        }
        return _started.Remove(r.LogicalId, out var started) ? r.Timestamp - started : null;
    }

    /// <summary><c>  WebService  AWS::ECS::Service  CREATE_FAILED  12.4s  reason</c>: stable columns, no timestamps.</summary>
    public static string Line(ResourceStatusChanged r, TimeSpan? elapsed = null, int idWidth = DefaultIdWidth)
    {
        var line = $"  {r.LogicalId.PadRight(idWidth)} {r.ResourceType,-48} {r.Status}";
        if (elapsed is { } time) line += $"  {DeployProgress.FormatElapsed(time)}";
        return (r.Reason is { Length: > 0 } reason ? $"{line}  {reason}" : line).TrimEnd();
    }
}
