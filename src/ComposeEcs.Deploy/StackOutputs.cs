using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy;

/// <summary>
/// A deployed stack's Outputs in the shape the template's contracts read them back (<see cref="Ecs.Endpoints"/>,
/// <see cref="Ecs.KeptFileSystems"/>, <see cref="Ecs.LogSources"/>): key, value and description.
/// </summary>
internal static class StackOutputs
{
    /// <summary>The stack's outputs; none for a project that is not deployed (null).</summary>
    public static IReadOnlyList<(string Key, string Value, string? Description)> Of(Stack? stack) =>
        stack is null ? [] : [.. stack.Outputs.Select(o => (o.Key, o.Value, o.Description))];
}
