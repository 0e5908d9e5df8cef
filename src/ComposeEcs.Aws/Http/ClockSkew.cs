namespace ComposeEcs.Aws.Http;

/// <summary>
/// A machine whose clock is off by more than five minutes gets every request rejected. Like the AWS SDKs,
/// we then take the offset from the response's Date header and sign with the corrected time.
/// </summary>
internal static class ClockSkew
{
    private static readonly TimeSpan Threshold = TimeSpan.FromMinutes(4);

    private static readonly HashSet<string> SkewCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure",
    };

    /// <summary>True when the error is a clock-skew rejection and a new offset was stored (so the call should be retried).</summary>
    public static bool Correct(AwsError error, HttpResponseMessage response, DateTimeOffset localNow, ref long offsetTicks)
    {
        if (!SkewCodes.Contains(error.Code) || response.Headers.Date is not { } serverNow)
            return false;
        var current = TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        var wanted = serverNow - localNow;
        if ((localNow + current - serverNow).Duration() < Threshold)
            return false; // our corrected clock already agrees with the server; the error has another cause
        Interlocked.Exchange(ref offsetTicks, wanted.Ticks);
        return true;
    }
}
