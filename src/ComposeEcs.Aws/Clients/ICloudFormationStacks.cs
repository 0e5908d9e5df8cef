namespace ComposeEcs.Aws.Clients;

/// <summary>
/// The CloudFormation operations <c>up</c>, <c>down</c> and <c>ps</c> make (change sets, stacks, events, resources):
/// what the deploy stage depends on, so its decisions are tested against an in-memory stack and the wire against the
/// emulator. <see cref="CloudFormationClient"/> is the one implementation in src.
/// </summary>
public interface ICloudFormationStacks
{
    Task<CreateChangeSetResult> CreateChangeSetAsync(CreateChangeSetRequest request, CancellationToken cancellationToken = default);
    Task<ChangeSet> DescribeChangeSetAsync(string changeSetName, string? stackName = null, CancellationToken cancellationToken = default);
    Task ExecuteChangeSetAsync(string changeSetName, string? stackName = null, CancellationToken cancellationToken = default, string? clientRequestToken = null);
    Task DeleteChangeSetAsync(string changeSetName, string? stackName = null, CancellationToken cancellationToken = default);
    /// <summary>The stack by name or id, or null when there is none (by id, a deleted stack comes back in DELETE_COMPLETE).</summary>
    Task<Stack?> FindStackAsync(string stackName, CancellationToken cancellationToken = default);
    /// <summary>Newest first, every page.</summary>
    IAsyncEnumerable<StackEvent> DescribeStackEventsAsync(string stackName, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StackResource>> ListStackResourcesAsync(string stackName, CancellationToken cancellationToken = default);
    Task DeleteStackAsync(string stackName, string? clientRequestToken = null, CancellationToken cancellationToken = default);
}
