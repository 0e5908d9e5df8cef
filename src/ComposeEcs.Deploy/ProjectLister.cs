using ComposeEcs.Aws;

namespace ComposeEcs.Deploy;

/// <summary>A deployed compose project: a stack carrying the project tag.</summary>
public sealed record DeployedProject(string Name, string StackName, string Status, DateTimeOffset? LastUpdated);

/// <summary><c>ls</c>: the projects deployed in the account and region.</summary>
public sealed class ProjectLister(AwsContext aws)
{
    public async Task<IReadOnlyList<DeployedProject>> ListAsync(CancellationToken cancellationToken)
    {
        // DescribeStacks (unlike ListStacks) returns tags, and only stacks that are not deleted.
        var stacks = await aws.CloudFormation.DescribeStacksAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return stacks
            .Select(s => (Stack: s, Tag: s.Tags.FirstOrDefault(t => t.Key == StackNames.ProjectTag)))
            .Where(x => x.Tag is not null && x.Stack.StackStatus != StackStatuses.DeleteComplete)
            .Select(x => new DeployedProject(x.Tag!.Value, x.Stack.StackName, x.Stack.StackStatus, x.Stack.LastUpdatedTime ?? x.Stack.CreationTime))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }
}
