using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy;

/// <summary>A project's stack and its nested stacks seen as one: every resource at every level.</summary>
public static class StackTree
{
    public const string NestedStackType = "AWS::CloudFormation::Stack";

    /// <summary>
    /// The resources of the stack and, depth first, of each nested stack (ListStackResources, all pages: DescribeStackResources
    /// stops at 100). The nested-stack resources themselves are included.
    /// </summary>
    public static async Task<IReadOnlyList<StackResource>> ResourcesAsync(ICloudFormationStacks cloudFormation, string stackId, CancellationToken cancellationToken)
    {
        var all = new List<StackResource>();
        var pending = new Queue<string>([stackId]);
        while (pending.TryDequeue(out var id))
        {
            var resources = await cloudFormation.ListStackResourcesAsync(id, cancellationToken).ConfigureAwait(false);
            all.AddRange(resources);
            foreach (var nested in resources.Where(r => r.ResourceType == NestedStackType && r.PhysicalResourceId is { Length: > 0 }))
                pending.Enqueue(nested.PhysicalResourceId!);
        }
        return all;
    }
}
