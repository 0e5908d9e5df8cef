namespace ComposeEcs.FakeAws;

/// <summary>
/// Requests of an action received but not yet carried out (<see cref="FakeAwsServer.HoldRequests"/>): AWS has them, and
/// carries them out later, in the order they came, even when the caller has stopped waiting for the answer.
/// </summary>
internal sealed class HeldRequests
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (Gate Gate, Task Last)> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _processed = new(StringComparer.Ordinal);
    private readonly List<(string Action, int Count, TaskCompletionSource Done)> _waiters = [];

    public ResourceHold Hold(string action)
    {
        lock (_lock)
        {
            if (!_actions.TryGetValue(action, out var held)) _actions[action] = held = (new Gate(), Task.CompletedTask);
            return held.Gate.Close();
        }
    }

    /// <summary>Runs <paramref name="process"/> once the action is released and every earlier request of it is done.</summary>
    public async Task<T> InOrderAsync<T>(string action, Func<T> process)
    {
        Task previous, gate;
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (!_actions.TryGetValue(action, out var held)) return Done(action, process());
            (previous, gate) = (held.Last, held.Gate.PassAsync(CancellationToken.None));
            _actions[action] = held with { Last = mine.Task };
        }
        try
        {
            await previous;
            await gate;
            return Done(action, process());
        }
        finally { mine.TrySetResult(); }
    }

    /// <summary>Completes once this many requests of the action have been carried out.</summary>
    public Task ProcessedAsync(string action, int count)
    {
        lock (_lock)
        {
            if (_processed.GetValueOrDefault(action) >= count) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((action, count, done));
            return done.Task;
        }
    }

    private T Done<T>(string action, T result)
    {
        lock (_lock)
        {
            var processed = _processed[action] = _processed.GetValueOrDefault(action) + 1;
            foreach (var waiter in _waiters.Where(w => w.Action == action && w.Count <= processed).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
        return result;
    }
}
