namespace ComposeEcs.Cli.Rendering;

/// <summary>
/// What <c>up</c> and <c>down</c> say when they stop watching a stack operation they did not see end (throttling,
/// a lost connection): it goes on in AWS, and how to follow it. Exit <see cref="ExitCodes.StoppedWatching"/>.
/// </summary>
public static class StoppedWatchingMessages
{
    public static string Up(string stackName, bool started, string? reason) => started
        ? $"Stopped watching ({Reason(reason)}): the deployment of {stackName} continues in AWS. Watch it with 'compose-ecs ls' and 'compose-ecs ps', or run 'compose-ecs up' again to wait for it."
        : $"Could not tell whether the deployment of {stackName} started ({Reason(reason)}). Check with 'compose-ecs ls' (a running deployment shows *_IN_PROGRESS) before running 'compose-ecs up' again.";

    public static string Down(string stackName, bool started, string? reason) => started
        ? $"Stopped watching ({Reason(reason)}): the deletion of {stackName} continues in AWS. Watch it with 'compose-ecs ls'."
        : $"Could not tell whether the deletion of {stackName} was requested ({Reason(reason)}). Check with 'compose-ecs ls', and run 'compose-ecs down' again if the stack is still there.";

    private static string Reason(string? reason) => MessageText.Shorten(reason ?? "AWS did not answer", 300);
}
