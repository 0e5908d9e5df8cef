namespace ComposeEcs.FakeAws;

/// <summary>
/// Lets a test hold part of the emulator's clock (resource operations, or change sets becoming ready), so a stack or
/// change set is surely in progress while the test acts (cancels, starts a second deployment), whatever the machine's load.
/// </summary>
internal sealed class Gate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _held;
    private int _holds;

    public bool IsOpen { get { lock (_lock) return _held is null; } }

    public ResourceHold Close()
    {
        lock (_lock)
        {
            _holds++;
            _held ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return new ResourceHold(this);
    }

    /// <summary>Completes at once when open, else when the last hold is released.</summary>
    public Task PassAsync(CancellationToken cancellationToken)
    {
        lock (_lock) return _held?.Task.WaitAsync(cancellationToken) ?? Task.CompletedTask;
    }

    internal void Open()
    {
        TaskCompletionSource? released = null;
        lock (_lock)
        {
            if (_holds == 0 || --_holds > 0) return;
            (released, _held) = (_held, null);
        }
        released?.TrySetResult();
    }
}

/// <summary>A hold on the emulator's clock (<see cref="FakeAwsServer.HoldResources"/>, <see cref="FakeAwsServer.HoldChangeSets"/>); disposing it releases it, once.</summary>
public sealed class ResourceHold : IDisposable
{
    private readonly Gate _gate;
    private int _released;

    internal ResourceHold(Gate gate) => _gate = gate;

    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _gate.Open();
    }

    public void Dispose() => Release();
}
