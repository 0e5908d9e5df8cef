using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy;

/// <summary>
/// A dry run's parameters: nothing will be executed, so secret values (NoEcho parameters) never leave the machine.
/// An existing stack keeps its value (<c>UsePreviousValue</c>, so the change set shows no spurious secret change);
/// a new stack or a new parameter gets a placeholder, because CloudFormation accepts <c>UsePreviousValue</c> only
/// "during a stack update" for a parameter the stack already has
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_Parameter.html; the AWS CLI's own deployer
/// drops it for new stacks and new parameters, aws/aws-cli#2659).
/// </summary>
public static class DryRunParameters
{
    /// <summary>What a dry run sends instead of a secret value.</summary>
    public const string Placeholder = "compose-ecs-dry-run-placeholder";

    public static IReadOnlyList<StackParameter> WithoutSecrets(IReadOnlyList<StackParameter> parameters, Stack? existing)
    {
        var previous = existing is null || existing.StackStatus == StackStatuses.ReviewInProgress
            ? new HashSet<string>(StringComparer.Ordinal)
            : existing.Parameters.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        return [.. parameters.Select(p => !p.NoEcho ? p
            : previous.Contains(p.Key) ? p with { Value = null, UsePreviousValue = true }
            : p with { Value = Placeholder, UsePreviousValue = false })];
    }
}
