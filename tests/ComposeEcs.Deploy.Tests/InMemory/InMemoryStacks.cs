using System.Net;
using System.Runtime.CompilerServices;
using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy.Tests.InMemory;

/// <summary>
/// CloudFormation as the deploy decisions see it, in memory and instant: stacks by name, change sets computed at once
/// (the test says what the next one finds), an executed change set or a delete settles immediately with the events the
/// test scripted. For the wire (XML, paging, retries) see the emulator tests.
/// </summary>
internal sealed class InMemoryStacks : ICloudFormationStacks
{
    private readonly Dictionary<string, Stack> _stacks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StackEvent>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChangeSet> _changeSets = new(StringComparer.Ordinal);
    private readonly List<Stack> _deleted = [];
    private int _sequence;

    /// <summary>What the next change set finds: <c>CREATE_COMPLETE</c> with these changes, or <c>FAILED</c> with a reason.</summary>
    public (string Status, string? Reason, IReadOnlyList<ResourceChange> Changes) NextChangeSet { get; set; } =
        ("CREATE_COMPLETE", null, [new ResourceChange("Add", "WebService", null, "AWS::ECS::Service", null)]);

    /// <summary>The status an executed change set ends in, and the resource events it produces on the way (logical id, status, reason).</summary>
    public (string FinalStatus, IReadOnlyList<(string LogicalId, string Status, string? Reason)> Events) Execution { get; set; } =
        ("CREATE_COMPLETE", [("WebService", "CREATE_COMPLETE", null)]);

    /// <summary>Resources of each stack (ListStackResources), and which of them a delete keeps (DeletionPolicy: Retain).</summary>
    public List<StackResource> Resources { get; } = [];

    public List<string> Calls { get; } = [];

    public Stack Existing(string name, string status, params StackOutput[] outputs)
    {
        var stack = NewStack(name, status) with { Outputs = outputs };
        _stacks[name] = stack;
        AddEvent(stack, name, "AWS::CloudFormation::Stack", status, null);
        return stack;
    }

    public Task<CreateChangeSetResult> CreateChangeSetAsync(CreateChangeSetRequest request, CancellationToken cancellationToken = default)
    {
        Calls.Add($"CreateChangeSet {request.Type}");
        var stack = _stacks.GetValueOrDefault(request.StackName);
        if (request.Type == ChangeSetType.Create)
        {
            if (stack is not null && stack.StackStatus != StackStatuses.ReviewInProgress) throw Error("AlreadyExistsException", $"Stack [{request.StackName}] already exists");
            stack ??= NewStack(request.StackName, StackStatuses.ReviewInProgress);
        }
        else if (stack is null) throw Error("ValidationError", $"Stack [{request.StackName}] does not exist");
        var id = $"arn:aws:cloudformation:us-east-1:123456789012:changeSet/{request.ChangeSetName}/{++_sequence}";
        var (status, reason, changes) = NextChangeSet;
        _changeSets[id] = new ChangeSet(id, request.ChangeSetName, stack.StackId, stack.StackName, status, reason, "AVAILABLE", null, changes, request.Parameters);
        return Task.FromResult(new CreateChangeSetResult(id, stack.StackId));
    }

    public Task<ChangeSet> DescribeChangeSetAsync(string changeSetName, string? stackName = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindChangeSet(changeSetName) ?? throw Error("ChangeSetNotFound", $"ChangeSet [{changeSetName}] does not exist"));

    public Task ExecuteChangeSetAsync(string changeSetName, string? stackName = null, CancellationToken cancellationToken = default, string? clientRequestToken = null)
    {
        Calls.Add("ExecuteChangeSet");
        var changeSet = FindChangeSet(changeSetName) ?? throw Error("ChangeSetNotFound", changeSetName);
        var stack = _stacks.Values.Single(s => s.StackId == changeSet.StackId);
        foreach (var (logicalId, status, reason) in Execution.Events) AddEvent(stack, logicalId, "AWS::ECS::Service", status, reason);
        AddEvent(stack, stack.StackName, "AWS::CloudFormation::Stack", Execution.FinalStatus, null);
        _stacks[stack.StackName] = stack with { StackStatus = Execution.FinalStatus };
        _changeSets.Remove(changeSet.ChangeSetId);
        return Task.CompletedTask;
    }

    public Task DeleteChangeSetAsync(string changeSetName, string? stackName = null, CancellationToken cancellationToken = default)
    {
        Calls.Add("DeleteChangeSet");
        if (FindChangeSet(changeSetName) is not { } changeSet) throw Error("ChangeSetNotFound", changeSetName);
        _changeSets.Remove(changeSet.ChangeSetId);
        return Task.CompletedTask;
    }

    /// <summary>As CloudFormation: by name only a live stack; by id also a deleted one, in DELETE_COMPLETE.</summary>
    public Task<Stack?> FindStackAsync(string stackName, CancellationToken cancellationToken = default) =>
        Task.FromResult(_stacks.Values.FirstOrDefault(s => s.StackName == stackName || s.StackId == stackName) ?? _deleted.FirstOrDefault(s => s.StackId == stackName));

    public async IAsyncEnumerable<StackEvent> DescribeStackEventsAsync(string stackName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var id = _stacks.GetValueOrDefault(stackName)?.StackId ?? stackName;
        foreach (var e in Enumerable.Reverse(_events.GetValueOrDefault(id) ?? [])) yield return e;
    }

    public Task<IReadOnlyList<StackResource>> ListStackResourcesAsync(string stackName, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StackResource>>(Resources);

    /// <summary>Deletes at once: a retained resource (ResourceStatusReason "Retain") is DELETE_SKIPPED, the others DELETE_COMPLETE.</summary>
    public Task DeleteStackAsync(string stackName, string? clientRequestToken = null, CancellationToken cancellationToken = default)
    {
        Calls.Add("DeleteStack");
        if (_stacks.Values.FirstOrDefault(s => s.StackName == stackName || s.StackId == stackName) is not { } stack) return Task.CompletedTask;
        foreach (var r in Resources)
            AddEvent(stack, r.LogicalResourceId, r.ResourceType, r.ResourceStatusReason == "Retain" ? StackStatuses.DeleteSkipped : StackStatuses.DeleteComplete, null);
        AddEvent(stack, stack.StackName, "AWS::CloudFormation::Stack", StackStatuses.DeleteComplete, null);
        _stacks.Remove(stack.StackName);
        _deleted.Add(stack with { StackStatus = StackStatuses.DeleteComplete });
        return Task.CompletedTask;
    }

    private Stack NewStack(string name, string status)
    {
        var stack = new Stack($"arn:aws:cloudformation:us-east-1:123456789012:stack/{name}/{++_sequence}", name, status, null, null,
            DateTimeOffset.UnixEpoch, null, [], [], [], [], null);
        _stacks[name] = stack;
        return stack;
    }

    private void AddEvent(Stack stack, string logicalId, string type, string status, string? reason)
    {
        if (!_events.TryGetValue(stack.StackId, out var list)) _events[stack.StackId] = list = [];
        list.Add(new StackEvent($"event-{++_sequence}", stack.StackId, stack.StackName, logicalId,
            type == "AWS::CloudFormation::Stack" ? stack.StackId : logicalId, type, DateTimeOffset.UnixEpoch.AddSeconds(_sequence), status, reason));
    }

    private ChangeSet? FindChangeSet(string nameOrId) =>
        _changeSets.GetValueOrDefault(nameOrId) ?? _changeSets.Values.FirstOrDefault(c => c.ChangeSetName == nameOrId);

    private static AwsServiceException Error(string code, string message) =>
        new("cloudformation", "test", code, message, null, HttpStatusCode.BadRequest);
}
