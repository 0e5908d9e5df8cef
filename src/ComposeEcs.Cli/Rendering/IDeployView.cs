using ComposeEcs.Deploy;

namespace ComposeEcs.Cli.Rendering;

/// <summary>Shows a deploy operation's events while it runs: a live view on a terminal, plain lines otherwise.</summary>
public interface IDeployView
{
    Task<T> RunAsync<T>(Func<IProgress<DeployEvent>, Task<T>> operation);
}

/// <summary>An <see cref="IProgress{T}"/> that handles each event on the reporting thread, in order (unlike <see cref="Progress{T}"/>).</summary>
public sealed class SyncProgress<T>(Action<T> handle) : IProgress<T>
{
    public void Report(T value) => handle(value);
}
