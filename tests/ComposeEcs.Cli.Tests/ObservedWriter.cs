namespace ComposeEcs.Cli.Tests;

/// <summary>A StringWriter a test can wait on: <see cref="WhenWrittenAsync"/> completes once the text has been written.</summary>
internal sealed class ObservedWriter : StringWriter
{
    private readonly Lock _lock = new();
    private readonly List<(string Text, TaskCompletionSource Done)> _waiters = [];

    public Task WhenWrittenAsync(string text)
    {
        lock (_lock)
        {
            if (ToString().Contains(text, StringComparison.Ordinal)) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, done));
            return done.Task;
        }
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            base.Write(value);
            Check();
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_lock)
        {
            base.Write(buffer, index, count);
            Check();
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            base.Write(value);
            Check();
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_lock)
        {
            base.Write(buffer);
            Check();
        }
    }

    public override string ToString()
    {
        lock (_lock) return base.ToString();
    }

    private void Check()
    {
        if (_waiters.Count == 0) return;
        var text = GetStringBuilder().ToString();
        foreach (var waiter in _waiters.Where(w => text.Contains(w.Text, StringComparison.Ordinal)).ToList())
        {
            _waiters.Remove(waiter);
            waiter.Done.TrySetResult();
        }
    }
}
