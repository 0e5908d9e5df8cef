using ComposeEcs.Deploy;

namespace ComposeEcs.Cli.Rendering;

/// <summary>The one-line messages both views print for events that are not resource progress (the end is the command's to say).</summary>
public static class DeployMessages
{
    public static string? For(DeployEvent e) => e switch
    {
        WaitingForOtherOperation w =>
            $"Stack {w.StackName} is {w.Status} (another deployment is running): waiting for it to finish",
        ReplacingFailedStack r =>
            $"Stack {r.StackName} is {r.Status} after a failed create: deleting it to create it again",
        StackOperationStarted s => $"{Verb(s.Operation)} stack {s.StackName}" + (s.ExpectedResources > 0 ? $" ({s.ExpectedResources} resources)" : ""),
        _ => null,
    };

    public static string Verb(string? operation) => operation switch
    {
        "create" => "Creating",
        "update" => "Updating",
        "delete" => "Deleting",
        _ => "Deploying",
    };
}
