using ComposeEcs.Deploy;
using Spectre.Console;

namespace ComposeEcs.Cli.Rendering;

/// <summary>Without a terminal (CI, pipes, tests): one line per event, nothing redrawn.</summary>
public sealed class PlainDeployView(IAnsiConsole console) : IDeployView
{
    public Task<T> RunAsync<T>(Func<IProgress<DeployEvent>, Task<T>> operation) => operation(new SyncProgress<DeployEvent>(Write));

    private void Write(DeployEvent e)
    {
        switch (e)
        {
            case ChangeSetComputed { Changes.Count: > 0 } c:
                console.Write(ChangeSetTable.Render(c.Changes));
                console.WriteLine(ChangeSetTable.Summary(c.Changes));
                break;
            case ResourceStatusChanged r:
                console.WriteLine(Line(r));
                break;
            default:
                if (DeployMessages.For(e) is { } message) console.WriteLine(message);
                break;
        }
    }

    /// <summary><c>  WebService  AWS::ECS::Service  CREATE_FAILED  reason</c>: stable columns, no timestamps.</summary>
    public static string Line(ResourceStatusChanged r)
    {
        var line = $"  {r.LogicalId,-36} {r.ResourceType,-48} {r.Status}";
        return (r.Reason is { Length: > 0 } reason ? $"{line}  {reason}" : line).TrimEnd();
    }
}
