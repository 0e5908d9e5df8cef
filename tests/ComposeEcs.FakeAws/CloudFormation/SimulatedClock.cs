namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>
/// The scaled clock as a small discrete-event simulation, so its order does not depend on the machine's load: every
/// stack operation runs on this scheduler's one thread; only when that thread has nothing left to run does the pause
/// due first in modeled time end (after its share of real time, modeled seconds × scale). A resource therefore always
/// finishes in the model's order, however slowly the machine runs. Holds (<see cref="Gate"/>) stop the clock.
/// </summary>
internal sealed class SimulatedClock : TaskScheduler, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<Task> _ready = new();
    private readonly PriorityQueue<TaskCompletionSource, (double Due, long Order)> _pauses = new();
    private readonly AutoResetEvent _signal = new(false);
    private readonly double _scale;
    private readonly Gate _gate;
    private readonly Thread _thread;
    private double _now;
    private long _order;
    private (double Modeled, DateTime Real) _anchor;
    private bool _held;
    private volatile bool _stopping;

    public SimulatedClock(double scale, Gate gate)
    {
        _scale = scale;
        _gate = gate;
        _thread = new Thread(Run) { IsBackground = true, Name = "FakeAws scaled clock" };
        _thread.Start();
    }

    /// <summary>Modeled seconds since the emulator started: the due time of the last pause that ended.</summary>
    public double Now { get { lock (_lock) return _now; } }

    /// <summary>Ends once <paramref name="seconds"/> of modeled time have passed; await it from this scheduler.</summary>
    public Task PauseAsync(double seconds, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource();
        lock (_lock)
        {
            if (_pauses.Count == 0) _anchor = (_now, DateTime.UtcNow);
            _pauses.Enqueue(done, (_now + seconds, _order++));
        }
        cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        _signal.Set();
        return done.Task;
    }

    protected override void QueueTask(Task task)
    {
        lock (_lock) _ready.Enqueue(task);
        _signal.Set();
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Thread.CurrentThread == _thread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_lock) return [.. _ready];
    }

    public override int MaximumConcurrencyLevel => 1;

    public void Dispose()
    {
        _stopping = true;
        _signal.Set();
    }

    private void Run()
    {
        while (!_stopping)
        {
            Task? next;
            lock (_lock) _ready.TryDequeue(out next);
            if (next is not null)
            {
                TryExecuteTask(next);
                continue;
            }
            _signal.WaitOne(ReleaseDue());
        }
    }

    /// <summary>With nothing left to run: ends the pause due first if its real time has come; else how long to wait.</summary>
    private TimeSpan ReleaseDue()
    {
        TaskCompletionSource? release = null;
        TimeSpan wait;
        lock (_lock)
        {
            if (!_gate.IsOpen)
            {
                _held = true;
                return TimeSpan.FromMilliseconds(20);
            }
            if (_held) (_held, _anchor) = (false, (_now, DateTime.UtcNow));
            // A cancelled pause (the emulator stopping) has nothing to wait for.
            while (_pauses.TryPeek(out var first, out _) && first.Task.IsCompleted) _pauses.Dequeue();
            if (!_pauses.TryPeek(out var pause, out var key)) return Timeout.InfiniteTimeSpan;
            wait = _anchor.Real + TimeSpan.FromSeconds((key.Due - _anchor.Modeled) * _scale) - DateTime.UtcNow;
            if (wait <= TimeSpan.Zero)
            {
                _pauses.Dequeue();
                _now = key.Due;
                release = pause;
            }
        }
        release?.TrySetResult();
        return release is null ? wait : TimeSpan.Zero;
    }
}
