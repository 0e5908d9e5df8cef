namespace ComposeEcs.Deploy;

/// <summary>What the deploy stage reports while it works; the CLI renders these, the stage never prints.</summary>
public abstract record DeployEvent;

/// <summary>A change CloudFormation plans: Action is Add, Modify, Remove (or Import, Dynamic).</summary>
public sealed record PlannedChange(string Action, string LogicalId, string ResourceType, string? Replacement);

/// <summary>The change set is computed; <paramref name="Changes"/> is empty when the stack is up to date.</summary>
public sealed record ChangeSetComputed(string StackName, bool NewStack, IReadOnlyList<PlannedChange> Changes) : DeployEvent;

/// <summary>An earlier create failed (ROLLBACK_COMPLETE); the stack is deleted so it can be created again.</summary>
public sealed record ReplacingFailedStack(string StackName, string Status) : DeployEvent;

/// <summary>Another operation is running on the stack; we wait for it instead of interfering.</summary>
public sealed record WaitingForOtherOperation(string StackName, string Status) : DeployEvent;

/// <summary>The stack operation has been started in AWS (change set executed, or deletion requested).</summary>
/// <param name="Operation">"create", "update" or "delete".</param>
/// <param name="ExpectedResources">How many resources the operation should touch, for the overall count (0 if unknown).</param>
public sealed record StackOperationStarted(string StackName, string Operation, int ExpectedResources) : DeployEvent;

/// <summary>One CloudFormation stack event: a resource (or the stack itself, <paramref name="IsStack"/>) changed status.</summary>
public sealed record ResourceStatusChanged(
    string LogicalId, string ResourceType, string Status, string? Reason, DateTimeOffset Timestamp, bool IsStack) : DeployEvent;

/// <summary>The watched operation reached a final status.</summary>
public sealed record StackSettled(string StackName, string Status, string? Reason) : DeployEvent;
