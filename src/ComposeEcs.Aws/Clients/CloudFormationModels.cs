using System.Text;

namespace ComposeEcs.Aws.Clients;

public enum ChangeSetType { Create, Update }

/// <summary>A stack parameter. When <see cref="NoEcho"/> is set, <see cref="ToString"/> masks the value.</summary>
public sealed record StackParameter(string Key, string? Value, bool UsePreviousValue = false, bool NoEcho = false)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Key = ").Append(Key)
            .Append(", Value = ").Append(NoEcho ? "****" : Value)
            .Append(", UsePreviousValue = ").Append(UsePreviousValue)
            .Append(", NoEcho = ").Append(NoEcho);
        return true;
    }
}

public sealed record StackTag(string Key, string Value);

public sealed record CreateChangeSetRequest(
    string StackName,
    string ChangeSetName,
    ChangeSetType Type,
    string TemplateBody,
    IReadOnlyList<StackParameter> Parameters,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<StackTag> Tags,
    string? Description = null,
    string? ClientToken = null,
    string? TemplateUrl = null,
    bool IncludeNestedStacks = false);

public sealed record CreateChangeSetResult(string Id, string StackId);

public sealed record TemplateParameter(string Key, string? DefaultValue, bool NoEcho, string? Description);

public sealed record ValidateTemplateResult(
    string? Description, IReadOnlyList<TemplateParameter> Parameters, IReadOnlyList<string> Capabilities, string? CapabilitiesReason);

/// <param name="ChangeSetId">For a nested stack in a change set created with IncludeNestedStacks, that stack's own change set.</param>
public sealed record ResourceChange(string Action, string LogicalResourceId, string? PhysicalResourceId, string ResourceType, string? Replacement, string? ChangeSetId = null);

/// <summary>A change set; <see cref="Changes"/> holds every page of changes.</summary>
public sealed record ChangeSet(
    string ChangeSetId,
    string ChangeSetName,
    string StackId,
    string StackName,
    string Status,
    string? StatusReason,
    string ExecutionStatus,
    DateTimeOffset? CreationTime,
    IReadOnlyList<ResourceChange> Changes,
    IReadOnlyList<StackParameter> Parameters);

public sealed record StackOutput(string Key, string Value, string? Description, string? ExportName);

public sealed record Stack(
    string StackId,
    string StackName,
    string StackStatus,
    string? StackStatusReason,
    string? Description,
    DateTimeOffset? CreationTime,
    DateTimeOffset? LastUpdatedTime,
    IReadOnlyList<StackOutput> Outputs,
    IReadOnlyList<StackParameter> Parameters,
    IReadOnlyList<StackTag> Tags,
    IReadOnlyList<string> Capabilities,
    string? ChangeSetId);

public sealed record StackEvent(
    string EventId,
    string StackId,
    string StackName,
    string LogicalResourceId,
    string? PhysicalResourceId,
    string ResourceType,
    DateTimeOffset Timestamp,
    string ResourceStatus,
    string? ResourceStatusReason);

public sealed record StackResource(
    string LogicalResourceId, string? PhysicalResourceId, string ResourceType, string ResourceStatus, string? ResourceStatusReason, DateTimeOffset? Timestamp);

public sealed record StackSummary(
    string StackId,
    string StackName,
    string StackStatus,
    string? StackStatusReason,
    string? TemplateDescription,
    DateTimeOffset? CreationTime,
    DateTimeOffset? LastUpdatedTime,
    DateTimeOffset? DeletionTime);
