using ComposeEcs.FakeAws.CloudFormation;

namespace ComposeEcs.FakeAws;

/// <summary>A snapshot of a stack for test assertions.</summary>
public sealed record FakeStack(
    string StackId,
    string StackName,
    string Status,
    string? StatusReason,
    string? TemplateBody,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyList<FakeStackResource> Resources,
    IReadOnlyList<FakeStackEvent> Events)
{
    internal static FakeStack From(CloudFormationStore store, Stack s)
    {
        lock (store.Lock)
            return new FakeStack(s.StackId, s.StackName, s.Status, s.StatusReason, s.Template?.Body,
                new Dictionary<string, string>(s.Parameters),
                s.Tags.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value),
                s.Outputs.ToDictionary(o => o.Key, o => o.Value),
                s.Resources.Values.Select(r => new FakeStackResource(r.LogicalId, r.Type, r.Physical?.Id, r.Status, r.StatusReason)).ToList(),
                s.Events.Select(e => new FakeStackEvent(e.LogicalResourceId, e.PhysicalResourceId, e.ResourceType, e.Timestamp, e.ResourceStatus, e.ResourceStatusReason)).ToList());
    }
}

public sealed record FakeStackResource(string LogicalId, string Type, string? PhysicalId, string Status, string? StatusReason);

/// <summary>A stack event; <see cref="FakeStack.Events"/> lists them oldest first.</summary>
public sealed record FakeStackEvent(string LogicalResourceId, string? PhysicalResourceId, string ResourceType, DateTimeOffset Timestamp,
    string ResourceStatus, string? ResourceStatusReason);
