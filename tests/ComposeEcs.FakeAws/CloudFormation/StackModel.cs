using System.Text.Json.Nodes;

namespace ComposeEcs.FakeAws.CloudFormation;

internal sealed record StackTag(string Key, string Value);

internal sealed record StackOutput(string Key, string Value, string? Description, string? ExportName);

internal sealed record StackEvent(
    string EventId,
    string LogicalResourceId,
    string? PhysicalResourceId,
    string ResourceType,
    DateTimeOffset Timestamp,
    string ResourceStatus,
    string? ResourceStatusReason,
    string? ResourceProperties,
    string? ClientRequestToken);

/// <summary>A resource of a stack; replaced (never mutated) as it moves through its states.</summary>
internal sealed record StackResource(
    string LogicalId,
    string Type,
    PhysicalResource? Physical,
    string Status,
    string? StatusReason,
    DateTimeOffset Timestamp,
    JsonNode? Properties,
    TemplateResource Definition)
{
    public bool Exists => Physical is not null && Status is not ("DELETE_COMPLETE" or "CREATE_FAILED");
}

/// <summary>One changed property: a direct edit (Static) or a new value of a referenced resource (Dynamic).</summary>
internal sealed record ChangeDetail(string Property, bool RequiresRecreation, string? CausingEntity);

internal sealed record ResourceChange(
    string Action,
    string LogicalId,
    string? PhysicalId,
    string ResourceType,
    string? Replacement,
    IReadOnlyList<string> Scope,
    IReadOnlyList<ChangeDetail> Details,
    string? ChangeSetId = null)
{
    /// <summary>True and Conditional both get a new physical resource when executed (the referenced id does change).</summary>
    public bool Replaces => Replacement is "True" or "Conditional";
}

/// <summary>Mutable stack state, guarded by the store's lock.</summary>
internal sealed class Stack(string stackId, string stackName, DateTimeOffset creationTime)
{
    public string StackId { get; } = stackId;
    public string StackName { get; } = stackName;
    public DateTimeOffset CreationTime { get; } = creationTime;
    public DateTimeOffset? LastUpdatedTime { get; set; }
    public DateTimeOffset? DeletionTime { get; set; }
    public string Status { get; set; } = "REVIEW_IN_PROGRESS";
    public string? StatusReason { get; set; }
    public Template? Template { get; set; }
    public IReadOnlyDictionary<string, string> Parameters { get; set; } = new Dictionary<string, string>();
    /// <summary>Parameter values as Ref sees them: SSM parameter types replaced by the parameter store's value.</summary>
    public IReadOnlyDictionary<string, string> ResolvedParameters { get; set; } = new Dictionary<string, string>();
    public IReadOnlyList<StackTag> Tags { get; set; } = [];
    public IReadOnlyList<string> Capabilities { get; set; } = [];
    public IReadOnlyList<StackOutput> Outputs { get; set; } = [];
    public Dictionary<string, StackResource> Resources { get; set; } = new(StringComparer.Ordinal);
    public List<StackEvent> Events { get; } = [];
    public List<ChangeSet> ChangeSets { get; } = [];
    public string? LastChangeSetId { get; set; }
    /// <summary>The ClientRequestToken of the running operation, echoed on its events.</summary>
    public string? OperationToken { get; set; }
    public Task Operation { get; set; } = Task.CompletedTask;
    public bool DeleteQueued { get; set; }

    public bool IsDeleted => Status == "DELETE_COMPLETE";
    public bool IsBusy => Status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal) && Status != "REVIEW_IN_PROGRESS";
}

internal sealed class ChangeSet(string id, string name, Stack stack, string type, DateTimeOffset creationTime)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public Stack Stack { get; } = stack;
    public string Type { get; } = type;
    public DateTimeOffset CreationTime { get; } = creationTime;
    public string? Description { get; init; }
    public required Template Template { get; init; }
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }
    public required IReadOnlyDictionary<string, string> ResolvedParameters { get; init; }
    public required IReadOnlyList<StackTag> Tags { get; init; }
    public required IReadOnlyList<string> Capabilities { get; init; }
    public required IReadOnlyList<ResourceChange> Changes { get; init; }
    /// <summary>Until then the change set reports CREATE_PENDING; afterwards its computed outcome.</summary>
    public required DateTimeOffset ReadyAt { get; init; }
    public required string FinalStatus { get; init; }
    public string? FinalReason { get; init; }
    public string? ExecutionOverride { get; set; }
    /// <summary>CreateChangeSet's ClientToken: a retry with the same token is answered with this change set again.</summary>
    public string? ClientToken { get; init; }
    /// <summary>ExecuteChangeSet's ClientRequestToken: a retry with the same token is answered with success again.</summary>
    public string? ExecuteToken { get; set; }

    /// <summary>While held (<see cref="FakeAwsServer.HoldChangeSets"/>) the change set does not become ready; once ready it stays so.</summary>
    public Gate? Gate { get; init; }
    private volatile bool _ready;

    public bool IsReady(DateTimeOffset now) => _ready || (_ready = now >= ReadyAt && Gate?.IsOpen != false);
    /// <summary>CREATE_PENDING for the first half of the delay, then CREATE_IN_PROGRESS, then the outcome.</summary>
    public string Status(DateTimeOffset now) =>
        IsReady(now) ? FinalStatus : now < CreationTime + (ReadyAt - CreationTime) / 2 ? "CREATE_PENDING" : "CREATE_IN_PROGRESS";
    public string? StatusReason(DateTimeOffset now) => IsReady(now) ? FinalReason : null;
    public string ExecutionStatus(DateTimeOffset now) =>
        ExecutionOverride ?? (IsReady(now) && FinalStatus == "CREATE_COMPLETE" ? "AVAILABLE" : "UNAVAILABLE");
}
