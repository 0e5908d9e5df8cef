namespace ComposeEcs.Aws.Http;

/// <summary>Exponential backoff with full jitter: the n-th retry waits a random time in [0, min(MaxDelay, BaseDelay * 2^(n-1))].</summary>
/// <param name="MaxAttempts">Total attempts including the first; 1 disables retries.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static RetryPolicy Default { get; } = new(8, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(20));

    public static RetryPolicy None { get; } = new(1, TimeSpan.Zero, TimeSpan.Zero);

    public TimeSpan DelayBeforeRetry(int retry, double random)
    {
        var exponent = Math.Min(retry - 1, 30);
        var cap = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(Math.Max(0, cap * random));
    }

    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
        "ServiceUnavailableException", "InternalServerError",
    };

    public static bool IsThrottling(string code) => ThrottlingCodes.Contains(code);

    /// <summary>Throttling and transient server errors (any 5xx) are retried; everything else is final.</summary>
    public static bool IsRetryable(string code, int httpStatus) =>
        IsThrottling(code) || TransientCodes.Contains(code) || httpStatus is 429 or >= 500 and <= 599;
}
