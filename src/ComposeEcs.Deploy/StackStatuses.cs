namespace ComposeEcs.Deploy;

/// <summary>Reading CloudFormation stack and resource status strings.</summary>
public static class StackStatuses
{
    public const string ReviewInProgress = "REVIEW_IN_PROGRESS";
    public const string RollbackComplete = "ROLLBACK_COMPLETE";
    public const string DeleteComplete = "DELETE_COMPLETE";
    public const string DeleteSkipped = "DELETE_SKIPPED";

    /// <summary>An operation is running; a new one would be refused. REVIEW_IN_PROGRESS only holds a change set.</summary>
    public static bool IsInProgress(string status) =>
        status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal) && status != ReviewInProgress;

    /// <summary>The last operation ended badly (including a rollback that completed).</summary>
    public static bool IsFailure(string status) =>
        status.EndsWith("_FAILED", StringComparison.Ordinal) || status.Contains("ROLLBACK", StringComparison.Ordinal);

    public static bool IsSuccess(string status) => !IsInProgress(status) && !IsFailure(status) && status.EndsWith("_COMPLETE", StringComparison.Ordinal);

    /// <summary>A resource event that explains a failure (cancellations caused by another resource's failure are not the cause).</summary>
    public static bool IsCauseOfFailure(string status, string? reason) =>
        status.EndsWith("_FAILED", StringComparison.Ordinal)
        && !(reason ?? "").Contains("cancelled", StringComparison.OrdinalIgnoreCase);
}
