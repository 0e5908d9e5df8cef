using static ComposeEcs.FakeAws.Xml;
using static ComposeEcs.FakeAws.CloudFormation.CloudFormationXml;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>CloudFormation operations over the stack store (query protocol, Version 2010-05-15).</summary>
internal sealed partial class CloudFormationApi(CloudFormationStore store, Executor executor, FakeAwsOptions options, Func<string, string?> ssmParameter)
    : IServiceHandler
{
    public string Service => "cloudformation";

    public WireResponse Handle(AwsRequest request) => request.Action switch
    {
        "ValidateTemplate" => ValidateTemplate(request),
        "CreateChangeSet" => CreateChangeSet(request),
        "DescribeChangeSet" => DescribeChangeSet(request),
        "ExecuteChangeSet" => ExecuteChangeSet(request),
        "DeleteChangeSet" => DeleteChangeSet(request),
        "ListChangeSets" => ListChangeSets(request),
        "DescribeStacks" => DescribeStacks(request),
        "DescribeStackEvents" => DescribeStackEvents(request),
        "DescribeStackResources" => DescribeStackResources(request),
        "ListStackResources" => ListStackResources(request),
        "ListStacks" => ListStacks(request),
        "DeleteStack" => DeleteStack(request),
        "GetTemplate" => GetTemplate(request),
        _ => throw new AwsError("InvalidAction", $"Could not find operation {request.Action} for version 2010-05-15"),
    };

    private WireResponse ValidateTemplate(AwsRequest request)
    {
        // Like CreateChangeSet, a template may be given by S3 URL (up to 1 MB) instead of inline (up to 51,200 bytes).
        var template = TemplateValidator.Validate(TemplateQuotas.Body(request.Form, store.ReadUrl),
            request.Form.Get("TemplateURL") is null ? options.MaxTemplateBodyBytes : int.MaxValue);
        var capability = ResourceTypes.RequiredCapability(template);
        return QueryProtocol.Ok(request,
            Members("Parameters", template.Parameters.Values.Select(p => E("member",
                E("ParameterKey", p.Name),
                p.Default is null ? null : E("DefaultValue", p.Default),
                E("NoEcho", p.NoEcho),
                p.Description is null ? null : E("Description", p.Description)))),
            template.Description is null ? null : E("Description", template.Description),
            Members("Capabilities", capability is null ? [] : [capability]),
            capability is null ? null : E("CapabilitiesReason",
                $"The following resource(s) require capabilities: [{string.Join(", ", ResourceTypes.IamResourceTypes(template))}]"),
            E("DeclaredTransforms"));
    }

    private WireResponse DescribeStacks(AwsRequest request)
    {
        if (request.Form.Get("StackName") is { } name)
        {
            var stack = store.Require(name);
            lock (store.Lock) return QueryProtocol.Ok(request, Members("Stacks", [CloudFormationXml.Stack(stack)]));
        }
        var (page, next) = Paging.Page(store.Live, request.Form.Get("NextToken"), options.PageSize);
        lock (store.Lock)
            return QueryProtocol.Ok(request, Members("Stacks", page.Select(CloudFormationXml.Stack)), next is null ? null : E("NextToken", next));
    }

    private WireResponse DescribeStackEvents(AwsRequest request)
    {
        var name = request.Form.Required("StackName");
        var stack = store.Find(name) ?? throw AwsError.Validation($"Stack [{name}] does not exist");
        List<StackEvent> events;
        lock (store.Lock) events = stack.Events.AsEnumerable().Reverse().ToList();
        var (page, next) = Paging.Page(events, request.Form.Get("NextToken"), options.PageSize);
        return QueryProtocol.Ok(request, Members("StackEvents", page.Select(e => Event(stack, e))), next is null ? null : E("NextToken", next));
    }

    private WireResponse DescribeStackResources(AwsRequest request)
    {
        var name = request.Form.Get("StackName")
            ?? throw AwsError.Validation("StackName is required for DescribeStackResources in this emulator");
        var stack = store.Require(name);
        var logicalId = request.Form.Get("LogicalResourceId");
        var physicalId = request.Form.Get("PhysicalResourceId");
        lock (store.Lock)
        {
            var resources = stack.Resources.Values
                .Where(r => logicalId is null || r.LogicalId == logicalId)
                .Where(r => physicalId is null || r.Physical?.Id == physicalId);
            return QueryProtocol.Ok(request, Members("StackResources", resources.Select(r => Resource(stack, r))));
        }
    }

    private WireResponse ListStackResources(AwsRequest request)
    {
        var stack = store.Require(request.Form.Required("StackName"));
        List<StackResource> resources;
        lock (store.Lock) resources = stack.Resources.Values.ToList();
        var (page, next) = Paging.Page(resources, request.Form.Get("NextToken"), options.PageSize);
        return QueryProtocol.Ok(request, Members("StackResourceSummaries", page.Select(ResourceSummary)), next is null ? null : E("NextToken", next));
    }

    private WireResponse ListStacks(AwsRequest request)
    {
        var filter = request.Form.List("StackStatusFilter.member");
        List<Stack> stacks;
        lock (store.Lock) stacks = store.All.Where(s => filter.Count == 0 || filter.Contains(s.Status)).ToList();
        var (page, next) = Paging.Page(stacks, request.Form.Get("NextToken"), options.PageSize);
        lock (store.Lock)
            return QueryProtocol.Ok(request, Members("StackSummaries", page.Select(Summary)), next is null ? null : E("NextToken", next));
    }

    private WireResponse DeleteStack(AwsRequest request)
    {
        var stack = store.Find(request.Form.Required("StackName"));
        if (stack is null || stack.IsDeleted) return QueryProtocol.Empty(request);
        executor.Delete(stack, request.Form.Get("ClientRequestToken"));
        return QueryProtocol.Empty(request);
    }

    private WireResponse GetTemplate(AwsRequest request)
    {
        var name = request.Form.Get("StackName");
        var changeSetName = request.Form.Get("ChangeSetName");
        string? body;
        if (changeSetName is not null)
            body = (store.FindChangeSet(changeSetName, name) ?? throw ChangeSetNotFound(changeSetName)).Template.Body;
        else
        {
            var stack = store.Require(name ?? throw AwsError.Validation("StackName or ChangeSetName is required"));
            lock (store.Lock) body = stack.Template?.Body ?? stack.ChangeSets.LastOrDefault()?.Template.Body;
        }
        return QueryProtocol.Ok(request, E("TemplateBody", body ?? "{}"),
            Members("StagesAvailable", ["Original", "Processed"]));
    }

    private static AwsError ChangeSetNotFound(string name) => new("ChangeSetNotFound", $"ChangeSet [{name}] does not exist", 404);
}
