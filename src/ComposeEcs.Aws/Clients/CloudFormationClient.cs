using System.Xml.Linq;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Clients;

/// <summary>The CloudFormation operations compose-ecs uses (query protocol, API version 2010-05-15).</summary>
public sealed class CloudFormationClient(AwsTransport transport) : ICloudFormationStacks
{
    private readonly QueryProtocol _query = new(transport, AwsService.CloudFormation, "2010-05-15");

    public async Task<ValidateTemplateResult> ValidateTemplateAsync(string templateBody, CancellationToken cancellationToken = default)
    {
        var result = await _query.CallAsync("ValidateTemplate", new QueryParameters().Add("TemplateBody", templateBody), cancellationToken).ConfigureAwait(false);
        return new ValidateTemplateResult(
            result.Text("Description"),
            result.List("Parameters").Select(p => new TemplateParameter(
                p.TextOrEmpty("ParameterKey"), p.Text("DefaultValue"), p.Bool("NoEcho"), p.Text("Description"))).ToList(),
            result.List("Capabilities").Select(c => c.Value).ToList(),
            result.Text("CapabilitiesReason"));
    }

    public async Task<CreateChangeSetResult> CreateChangeSetAsync(CreateChangeSetRequest request, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters()
            .Add("StackName", request.StackName)
            .Add("ChangeSetName", request.ChangeSetName)
            .Add("ChangeSetType", request.Type == ChangeSetType.Create ? "CREATE" : "UPDATE")
            .Add(request.TemplateUrl is null ? "TemplateBody" : "TemplateURL", request.TemplateUrl ?? request.TemplateBody)
            .Add("IncludeNestedStacks", request.IncludeNestedStacks ? "true" : null)
            .Add("Description", request.Description)
            .Add("ClientToken", request.ClientToken)
            .AddStructList("Parameters", request.Parameters, AddParameter)
            .AddList("Capabilities", request.Capabilities)
            .AddStructList("Tags", request.Tags, (q, prefix, tag) => q.Add($"{prefix}.Key", tag.Key).Add($"{prefix}.Value", tag.Value));
        var result = await _query.CallAsync("CreateChangeSet", parameters, cancellationToken).ConfigureAwait(false);
        return new CreateChangeSetResult(result.TextOrEmpty("Id"), result.TextOrEmpty("StackId"));
    }

    /// <summary>Describes a change set, following NextToken so <see cref="ChangeSet.Changes"/> is complete.</summary>
    public async Task<ChangeSet> DescribeChangeSetAsync(string changeSetName, string? stackName = null, CancellationToken cancellationToken = default)
    {
        XElement? first = null;
        var changes = new List<ResourceChange>();
        string? token = null;
        do
        {
            var parameters = new QueryParameters().Add("ChangeSetName", changeSetName).Add("StackName", stackName).Add("NextToken", token);
            var page = await _query.CallAsync("DescribeChangeSet", parameters, cancellationToken).ConfigureAwait(false);
            first ??= page;
            changes.AddRange(page.List("Changes").Select(ReadChange));
            var next = page.Text("NextToken");
            token = string.IsNullOrEmpty(next) || next == token ? null : next;
        }
        while (token is not null);

        return new ChangeSet(
            first.TextOrEmpty("ChangeSetId"), first.TextOrEmpty("ChangeSetName"), first.TextOrEmpty("StackId"), first.TextOrEmpty("StackName"),
            first.TextOrEmpty("Status"), first.Text("StatusReason"), first.TextOrEmpty("ExecutionStatus"), first.Date("CreationTime"),
            changes, first.List("Parameters").Select(ReadParameter).ToList());
    }

    /// <param name="clientRequestToken">Makes a retry safe: CloudFormation answers a repeat of the request that started the execution with success.</param>
    public Task ExecuteChangeSetAsync(string changeSetName, string? stackName = null, CancellationToken cancellationToken = default, string? clientRequestToken = null) =>
        _query.CallAsync("ExecuteChangeSet", new QueryParameters().Add("ChangeSetName", changeSetName).Add("StackName", stackName)
            .Add("ClientRequestToken", clientRequestToken), cancellationToken);

    public Task DeleteChangeSetAsync(string changeSetName, string? stackName = null, CancellationToken cancellationToken = default) =>
        _query.CallAsync("DeleteChangeSet", new QueryParameters().Add("ChangeSetName", changeSetName).Add("StackName", stackName), cancellationToken);

    /// <summary>All stacks, or the one named (a missing stack is a ValidationError, see <see cref="FindStackAsync"/>).</summary>
    public Task<IReadOnlyList<Stack>> DescribeStacksAsync(string? stackName = null, CancellationToken cancellationToken = default) =>
        Paging.All<Stack>(async (token, ct) =>
        {
            var result = await _query.CallAsync("DescribeStacks", new QueryParameters().Add("StackName", stackName).Add("NextToken", token), ct).ConfigureAwait(false);
            return new Page<Stack>(result.List("Stacks").Select(ReadStack).ToList(), result.Text("NextToken"));
        }, cancellationToken).CollectAsync(cancellationToken);

    /// <summary>The named stack, or null when CloudFormation says it does not exist.</summary>
    public async Task<Stack?> FindStackAsync(string stackName, CancellationToken cancellationToken = default)
    {
        try
        {
            var stacks = await DescribeStacksAsync(stackName, cancellationToken).ConfigureAwait(false);
            return stacks.Count > 0 ? stacks[0] : null;
        }
        catch (AwsServiceException e) when (e.Code == "ValidationError" && e.ErrorMessage.Contains("does not exist", StringComparison.Ordinal))
        {
            return null;
        }
    }

    /// <summary>Stack events, newest first, fetched page by page as the caller enumerates (stop early to save calls).</summary>
    public IAsyncEnumerable<StackEvent> DescribeStackEventsAsync(string stackName, CancellationToken cancellationToken = default) =>
        Paging.All<StackEvent>(async (token, ct) =>
        {
            var result = await _query.CallAsync("DescribeStackEvents", new QueryParameters().Add("StackName", stackName).Add("NextToken", token), ct).ConfigureAwait(false);
            return new Page<StackEvent>(result.List("StackEvents").Select(ReadEvent).ToList(), result.Text("NextToken"));
        }, cancellationToken);

    public async Task<IReadOnlyList<StackResource>> DescribeStackResourcesAsync(string stackName, CancellationToken cancellationToken = default)
    {
        var result = await _query.CallAsync("DescribeStackResources", new QueryParameters().Add("StackName", stackName), cancellationToken).ConfigureAwait(false);
        return result.List("StackResources").Select(r => new StackResource(
            r.TextOrEmpty("LogicalResourceId"), r.Text("PhysicalResourceId"), r.TextOrEmpty("ResourceType"),
            r.TextOrEmpty("ResourceStatus"), r.Text("ResourceStatusReason"), r.Date("Timestamp"))).ToList();
    }

    /// <summary>Every resource of the stack, following NextToken (DescribeStackResources stops at 100).</summary>
    public Task<IReadOnlyList<StackResource>> ListStackResourcesAsync(string stackName, CancellationToken cancellationToken = default) =>
        Paging.All<StackResource>(async (token, ct) =>
        {
            var result = await _query.CallAsync("ListStackResources", new QueryParameters().Add("StackName", stackName).Add("NextToken", token), ct).ConfigureAwait(false);
            return new Page<StackResource>(result.List("StackResourceSummaries").Select(r => new StackResource(
                r.TextOrEmpty("LogicalResourceId"), r.Text("PhysicalResourceId"), r.TextOrEmpty("ResourceType"),
                r.TextOrEmpty("ResourceStatus"), r.Text("ResourceStatusReason"), r.Date("LastUpdatedTimestamp"))).ToList(), result.Text("NextToken"));
        }, cancellationToken).CollectAsync(cancellationToken);

    /// <param name="statusFilter">Only stacks in these statuses (e.g. everything but DELETE_COMPLETE); all when empty.</param>
    public Task<IReadOnlyList<StackSummary>> ListStacksAsync(IEnumerable<string>? statusFilter = null, CancellationToken cancellationToken = default)
    {
        var filter = statusFilter?.ToList() ?? [];
        return Paging.All<StackSummary>(async (token, ct) =>
        {
            var parameters = new QueryParameters().AddList("StackStatusFilter", filter).Add("NextToken", token);
            var result = await _query.CallAsync("ListStacks", parameters, ct).ConfigureAwait(false);
            return new Page<StackSummary>(result.List("StackSummaries").Select(s => new StackSummary(
                s.TextOrEmpty("StackId"), s.TextOrEmpty("StackName"), s.TextOrEmpty("StackStatus"), s.Text("StackStatusReason"),
                s.Text("TemplateDescription"), s.Date("CreationTime"), s.Date("LastUpdatedTime"), s.Date("DeletionTime"))).ToList(),
                result.Text("NextToken"));
        }, cancellationToken).CollectAsync(cancellationToken);
    }

    public Task DeleteStackAsync(string stackName, string? clientRequestToken = null, CancellationToken cancellationToken = default) =>
        _query.CallAsync("DeleteStack", new QueryParameters().Add("StackName", stackName).Add("ClientRequestToken", clientRequestToken), cancellationToken);

    /// <summary>The template body as CloudFormation stores it (JSON or YAML text).</summary>
    public async Task<string> GetTemplateAsync(string stackName, string? changeSetName = null, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters().Add("StackName", stackName).Add("ChangeSetName", changeSetName);
        var result = await _query.CallAsync("GetTemplate", parameters, cancellationToken).ConfigureAwait(false);
        return result.TextOrEmpty("TemplateBody");
    }

    private static void AddParameter(QueryParameters q, string prefix, StackParameter p)
    {
        q.Add($"{prefix}.ParameterKey", p.Key);
        if (p.UsePreviousValue)
            q.Add($"{prefix}.UsePreviousValue", true);
        else
            q.Add($"{prefix}.ParameterValue", p.Value ?? "");
    }

    private static StackParameter ReadParameter(XElement p) =>
        new(p.TextOrEmpty("ParameterKey"), p.Text("ParameterValue"), p.Bool("UsePreviousValue"));

    private static ResourceChange ReadChange(XElement change)
    {
        var r = change.Child("ResourceChange") ?? change;
        return new ResourceChange(r.TextOrEmpty("Action"), r.TextOrEmpty("LogicalResourceId"), r.Text("PhysicalResourceId"), r.TextOrEmpty("ResourceType"), r.Text("Replacement"), r.Text("ChangeSetId"));
    }

    private static Stack ReadStack(XElement s) => new(
        s.TextOrEmpty("StackId"), s.TextOrEmpty("StackName"), s.TextOrEmpty("StackStatus"), s.Text("StackStatusReason"), s.Text("Description"),
        s.Date("CreationTime"), s.Date("LastUpdatedTime"),
        s.List("Outputs").Select(o => new StackOutput(o.TextOrEmpty("OutputKey"), o.TextOrEmpty("OutputValue"), o.Text("Description"), o.Text("ExportName"))).ToList(),
        s.List("Parameters").Select(ReadParameter).ToList(),
        s.List("Tags").Select(t => new StackTag(t.TextOrEmpty("Key"), t.TextOrEmpty("Value"))).ToList(),
        s.List("Capabilities").Select(c => c.Value).ToList(),
        s.Text("ChangeSetId"));

    private static StackEvent ReadEvent(XElement e) => new(
        e.TextOrEmpty("EventId"), e.TextOrEmpty("StackId"), e.TextOrEmpty("StackName"), e.TextOrEmpty("LogicalResourceId"),
        e.Text("PhysicalResourceId"), e.TextOrEmpty("ResourceType"), e.Date("Timestamp") ?? DateTimeOffset.MinValue,
        e.TextOrEmpty("ResourceStatus"), e.Text("ResourceStatusReason"));
}
