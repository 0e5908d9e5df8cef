using System.Collections.Concurrent;
using ComposeEcs.Aws.Http;

namespace ComposeEcs.Cli.Messages;

/// <summary>
/// Says on stderr that a call is being retried — <c>note: retrying cloudformation DescribeStacks (3/8): Throttling</c> —
/// once the call has been failing for a second, so a slow or unreachable endpoint is not 20 silent seconds.
/// Quick retries that succeed stay quiet.
/// </summary>
public sealed class RetryReporter(TextWriter error, RetryPolicy policy, TimeProvider time)
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string Service, string Action), long> _firstAttempt = new();

    public void Observe(AwsRequestLog attempt)
    {
        var key = (attempt.Service, attempt.Action);
        if (attempt.ErrorCode is null || attempt.Attempt >= policy.MaxAttempts || !Retried(attempt))
        {
            _firstAttempt.TryRemove(key, out _);
            return;
        }
        var now = time.GetTimestamp();
        var started = attempt.Attempt == 1
            ? _firstAttempt[key] = now - (long)(attempt.Elapsed.TotalSeconds * time.TimestampFrequency)
            : _firstAttempt.GetOrAdd(key, now);
        if (time.GetElapsedTime(started, now) >= Quiet)
            error.WriteLine($"note: retrying {attempt.Service} {attempt.Action} ({attempt.Attempt + 1}/{policy.MaxAttempts}): {attempt.ErrorCode}");
    }

    private static bool Retried(AwsRequestLog attempt) =>
        attempt.ErrorCode == "NetworkError" || RetryPolicy.IsRetryable(attempt.ErrorCode!, attempt.StatusCode ?? 0);
}
