using System.Xml.Linq;
using static ComposeEcs.FakeAws.Xml;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>CloudFormation's XML shapes for stacks, events, resources and change sets.</summary>
internal static class CloudFormationXml
{
    public static XElement Stack(Stack s) => E("member",
        E("StackId", s.StackId),
        E("StackName", s.StackName),
        s.LastChangeSetId is { } cs ? E("ChangeSetId", cs) : null,
        s.Template?.Description is { } d ? E("Description", d) : null,
        Parameters(s.Template, s.Parameters, s.ResolvedParameters),
        E("CreationTime", s.CreationTime),
        s.LastUpdatedTime is { } u ? E("LastUpdatedTime", u) : null,
        s.DeletionTime is { } dt ? E("DeletionTime", dt) : null,
        E("RollbackConfiguration"),
        E("StackStatus", s.Status),
        s.StatusReason is { } r ? E("StackStatusReason", r) : null,
        E("DisableRollback", false),
        E("NotificationARNs"),
        Members("Capabilities", s.Capabilities),
        Members("Outputs", s.Outputs.Select(o => E("member",
            E("OutputKey", o.Key), E("OutputValue", o.Value),
            o.Description is null ? null : E("Description", o.Description),
            o.ExportName is null ? null : E("ExportName", o.ExportName)))),
        Tags(s.Tags),
        E("EnableTerminationProtection", false),
        E("DriftInformation", E("StackDriftStatus", "NOT_CHECKED")));

    public static XElement Tags(IEnumerable<StackTag> tags) =>
        Members("Tags", tags.Select(t => E("member", E("Key", t.Key), E("Value", t.Value))));

    /// <summary>Parameters with NoEcho values masked as CloudFormation does.</summary>
    public static XElement Parameters(Template? template, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> resolved) =>
        Members("Parameters", values.Select(p => E("member",
            E("ParameterKey", p.Key),
            E("ParameterValue", template?.Parameters.GetValueOrDefault(p.Key)?.NoEcho == true ? "****" : p.Value),
            resolved.TryGetValue(p.Key, out var r) && r != p.Value ? E("ResolvedValue", r) : null)));

    public static XElement Event(Stack s, StackEvent e) => E("member",
        E("StackId", s.StackId),
        E("EventId", e.EventId),
        E("StackName", s.StackName),
        E("LogicalResourceId", e.LogicalResourceId),
        e.PhysicalResourceId is null ? null : E("PhysicalResourceId", e.PhysicalResourceId),
        E("ResourceType", e.ResourceType),
        E("Timestamp", e.Timestamp),
        E("ResourceStatus", e.ResourceStatus),
        e.ResourceStatusReason is null ? null : E("ResourceStatusReason", e.ResourceStatusReason),
        e.ResourceProperties is null ? null : E("ResourceProperties", e.ResourceProperties),
        e.ClientRequestToken is null ? null : E("ClientRequestToken", e.ClientRequestToken));

    public static XElement Resource(Stack s, StackResource r) => E("member",
        E("StackName", s.StackName),
        E("StackId", s.StackId),
        E("LogicalResourceId", r.LogicalId),
        r.Physical is null ? null : E("PhysicalResourceId", r.Physical.Id),
        E("ResourceType", r.Type),
        E("Timestamp", r.Timestamp),
        E("ResourceStatus", r.Status),
        r.StatusReason is null ? null : E("ResourceStatusReason", r.StatusReason),
        E("DriftInformation", E("StackResourceDriftStatus", "NOT_CHECKED")));

    public static XElement ResourceSummary(StackResource r) => E("member",
        E("LogicalResourceId", r.LogicalId),
        r.Physical is null ? null : E("PhysicalResourceId", r.Physical.Id),
        E("ResourceType", r.Type),
        E("LastUpdatedTimestamp", r.Timestamp),
        E("ResourceStatus", r.Status),
        r.StatusReason is null ? null : E("ResourceStatusReason", r.StatusReason),
        E("DriftInformation", E("StackResourceDriftStatus", "NOT_CHECKED")));

    public static XElement Summary(Stack s) => E("member",
        E("StackId", s.StackId),
        E("StackName", s.StackName),
        s.Template?.Description is { } d ? E("TemplateDescription", d) : null,
        E("CreationTime", s.CreationTime),
        s.LastUpdatedTime is { } u ? E("LastUpdatedTime", u) : null,
        s.DeletionTime is { } dt ? E("DeletionTime", dt) : null,
        E("StackStatus", s.Status),
        s.StatusReason is { } r ? E("StackStatusReason", r) : null,
        E("DriftInformation", E("StackDriftStatus", "NOT_CHECKED")));

    public static XElement Change(ResourceChange c) => E("member",
        E("Type", "Resource"),
        E("ResourceChange",
            E("Action", c.Action),
            E("LogicalResourceId", c.LogicalId),
            c.PhysicalId is null ? null : E("PhysicalResourceId", c.PhysicalId),
            E("ResourceType", c.ResourceType),
            c.Replacement is null ? null : E("Replacement", c.Replacement),
            c.ChangeSetId is null ? null : E("ChangeSetId", c.ChangeSetId),
            Members("Scope", c.Scope),
            Members("Details", c.Details.Select(d => E("member",
                E("Target", E("Attribute", d.Property == "Tags" ? "Tags" : "Properties"), d.Property == "Tags" ? null : E("Name", d.Property),
                    E("RequiresRecreation", d.RequiresRecreation ? (d.CausingEntity is null ? "Always" : "Conditionally") : "Never")),
                E("Evaluation", d.CausingEntity is null ? "Static" : "Dynamic"),
                E("ChangeSource", d.CausingEntity is null ? "DirectModification" : "ResourceReference"),
                d.CausingEntity is null ? null : E("CausingEntity", d.CausingEntity))))));

    public static XElement ChangeSetSummary(ChangeSet c, DateTimeOffset now) => E("member",
        E("StackId", c.Stack.StackId),
        E("StackName", c.Stack.StackName),
        E("ChangeSetId", c.Id),
        E("ChangeSetName", c.Name),
        E("ExecutionStatus", c.ExecutionStatus(now)),
        E("Status", c.Status(now)),
        c.StatusReason(now) is { } r ? E("StatusReason", r) : null,
        E("CreationTime", c.CreationTime),
        c.Description is null ? null : E("Description", c.Description));
}
