namespace ComposeEcs.FakeAws;

/// <summary>Injected failures: the next N calls of an action answer throttling or a 500, lose their answer or their connection; slow resources.</summary>
internal sealed class Faults
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _throttles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _serverErrors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lostResponses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _drops = new(StringComparer.Ordinal);

    public TimeSpan? ResourceDelay { get; set; }

    public void LoseResponse(string action, int times) { lock (_lock) _lostResponses[action] = times; }

    public void DropConnection(string action, int times) { lock (_lock) _drops[action] = times; }

    /// <summary>Whether this call's answer is to be lost after it was processed (consumes one count).</summary>
    public bool TakeLostResponse(string action) { lock (_lock) return Consume(_lostResponses, action); }

    /// <summary>Whether this call's connection is to be cut before processing (consumes one count).</summary>
    public bool TakeDrop(string action) { lock (_lock) return Consume(_drops, action); }

    public void Throttle(string action, int times) { lock (_lock) _throttles[action] = times; }

    public void ServerError(string action, int times) { lock (_lock) _serverErrors[action] = times; }

    /// <summary>The fault to answer this call with, consuming one count, or null.</summary>
    public AwsError? Take(string service, string action, bool json)
    {
        lock (_lock)
        {
            if (Consume(_throttles, action))
                return json ? new AwsError("ThrottlingException", "Rate exceeded")
                    : service == "ec2" ? new AwsError("RequestLimitExceeded", "Request limit exceeded.", 503)
                    : new AwsError("Throttling", "Rate exceeded");
            if (Consume(_serverErrors, action))
                return new AwsError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500, sender: false);
            return null;
        }
    }

    private static bool Consume(Dictionary<string, int> counts, string action)
    {
        if (!counts.TryGetValue(action, out var left) || left <= 0) return false;
        counts[action] = left - 1;
        return true;
    }
}
