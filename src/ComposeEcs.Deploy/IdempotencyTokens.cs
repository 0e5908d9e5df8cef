namespace ComposeEcs.Deploy;

/// <summary>
/// The idempotency token of each state-changing CloudFormation call, the same for every retry of that call and unique
/// to this run: when a response is lost, the transport's retry is recognised as the same request and answered with
/// success (CreateChangeSet <c>ClientToken</c>; ExecuteChangeSet, DeleteStack <c>ClientRequestToken</c>: "Specify this
/// token if you plan to retry requests so that CloudFormation knows that you're not attempting to ... with the same
/// name", https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ExecuteChangeSet.html).
/// Tokens match <c>[a-zA-Z][-a-zA-Z0-9]*</c>, at most 128 characters.
/// </summary>
public static class IdempotencyTokens
{
    /// <param name="changeSetName">Already unique per run (<c>compose-ecs-&lt;timestamp&gt;</c>).</param>
    public static string CreateChangeSet(string changeSetName) => changeSetName + "-create";

    public static string ExecuteChangeSet(string changeSetName) => changeSetName + "-execute";

    public static string DeleteStack(DateTimeOffset now) => $"compose-ecs-delete-{now.UtcDateTime:yyyyMMddHHmmssfff}";
}
