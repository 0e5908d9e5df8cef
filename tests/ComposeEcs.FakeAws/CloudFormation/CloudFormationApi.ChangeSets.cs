using static ComposeEcs.FakeAws.Xml;
using static ComposeEcs.FakeAws.CloudFormation.CloudFormationXml;

namespace ComposeEcs.FakeAws.CloudFormation;

internal sealed partial class CloudFormationApi
{
    private WireResponse CreateChangeSet(AwsRequest request)
    {
        var form = request.Form;
        var stackName = form.Required("StackName");
        var changeSetName = form.Required("ChangeSetName");
        var type = form.Get("ChangeSetType") ?? "UPDATE";
        TemplateValidator.CheckNames(stackName, changeSetName);
        var body = TemplateQuotas.Body(form, store.ReadUrl);
        var template = TemplateValidator.Validate(body, form.Get("TemplateURL") is null ? options.MaxTemplateBodyBytes : int.MaxValue);
        TemplateQuotas.CheckCounts(template);
        var capabilities = form.List("Capabilities.member");
        TemplateValidator.CheckCapabilities(template, capabilities);
        var given = form.Structs("Parameters.member")
            .Select(p => (form.Get(p + ".ParameterKey") ?? "", form.Get(p + ".ParameterValue"), form.Bool(p + ".UsePreviousValue")))
            .ToList();
        TemplateQuotas.CheckParameterValues(given);
        var tags = form.Structs("Tags.member").Select(t => new StackTag(form.Get(t + ".Key") ?? "", form.Get(t + ".Value") ?? "")).ToList();

        lock (store.Lock)
        {
            var stack = store.Find(stackName);
            if (type == "CREATE")
            {
                if (stack is not null && stack.Status != "REVIEW_IN_PROGRESS")
                    throw new AwsError("AlreadyExistsException", $"Stack [{stackName}] already exists");
            }
            else if (type != "UPDATE")
                throw AwsError.Validation($"1 validation error detected: Value '{type}' at 'changeSetType' failed to satisfy constraint: Member must satisfy enum value set: [IMPORT, UPDATE, CREATE]");
            else if (stack is null || stack.Status == "REVIEW_IN_PROGRESS")
                throw AwsError.Validation($"Stack [{stackName}] does not exist");
            else if (stack.Status is "ROLLBACK_COMPLETE" or "ROLLBACK_FAILED" or "DELETE_FAILED" || stack.IsBusy)
                throw AwsError.Validation($"Stack:{stack.StackId} is in {stack.Status} state and can not be updated.");
            // As CloudFormation: a retry carrying the first request's ClientToken gets the same change set back;
            // without one (or with another) the name is taken.
            if (stack?.ChangeSets.FirstOrDefault(c => c.Name == changeSetName) is { } existing)
            {
                if (form.Get("ClientToken") is { } token && token == existing.ClientToken)
                    return QueryProtocol.Ok(request, E("Id", existing.Id), E("StackId", stack.StackId));
                throw new AwsError("AlreadyExistsException", $"ChangeSet {changeSetName} already exists");
            }

            var parameters = TemplateValidator.ResolveParameters(template, given, type == "UPDATE" ? stack!.Parameters : null);
            var resolved = TemplateValidator.ResolveSsmParameters(template, parameters, ssmParameter);
            if (stack is null)
            {
                stack = store.Add(stackName);
                store.SetStatus(stack, "REVIEW_IN_PROGRESS", "User Initiated");
            }
            if (type == "UPDATE" && tags.Count == 0) tags = stack.Tags.ToList();
            var included = ChangeSets.Included(template, resolved, stack.StackName, store.Region, store.AccountId);
            var changes = ChangeSets.Diff(type == "UPDATE" ? stack.Template : null, stack.ResolvedParameters, stack.Resources, template, resolved, included);
            if (form.Bool("IncludeNestedStacks")) changes = WithNestedChangeSets(stack, template, changes);
            var empty = type == "UPDATE" && changes.Count == 0 && !ChangeSets.StackLevelChanged(stack, template, tags, parameters);
            var now = store.Now();
            var changeSet = new ChangeSet($"arn:aws:cloudformation:{store.Region}:{store.AccountId}:changeSet/{changeSetName}/{store.Ids.Guid($"{stack.StackId}/changeSet/{changeSetName}/{stack.ChangeSets.Count}")}",
                changeSetName, stack, type, now)
            {
                Description = form.Get("Description"),
                ClientToken = form.Get("ClientToken"),
                Template = template,
                Parameters = parameters,
                ResolvedParameters = resolved,
                Tags = tags,
                Capabilities = capabilities,
                Changes = changes,
                ReadyAt = now + options.ResourceDelay, Gate = store.ChangeSetGate,
                FinalStatus = empty ? "FAILED" : "CREATE_COMPLETE",
                FinalReason = empty ? ChangeSets.NoChangesReason : null,
            };
            stack.ChangeSets.Add(changeSet);
            return QueryProtocol.Ok(request, E("Id", changeSet.Id), E("StackId", stack.StackId));
        }
    }

    private ChangeSet RequireChangeSet(AwsRequest request)
    {
        var name = request.Form.Required("ChangeSetName");
        return store.FindChangeSet(name, request.Form.Get("StackName")) ?? throw ChangeSetNotFound(name);
    }

    private WireResponse DescribeChangeSet(AwsRequest request)
    {
        var c = RequireChangeSet(request);
        var now = DateTimeOffset.UtcNow;
        var changes = c.IsReady(now) ? c.Changes : [];
        var (page, next) = Paging.Page(changes, request.Form.Get("NextToken"), options.PageSize);
        lock (store.Lock)
            return QueryProtocol.Ok(request,
                E("ChangeSetName", c.Name),
                E("ChangeSetId", c.Id),
                E("StackId", c.Stack.StackId),
                E("StackName", c.Stack.StackName),
                c.Description is null ? null : E("Description", c.Description),
                Parameters(c.Template, c.Parameters, c.ResolvedParameters),
                E("CreationTime", c.CreationTime),
                E("ExecutionStatus", c.ExecutionStatus(now)),
                E("Status", c.Status(now)),
                c.StatusReason(now) is { } reason ? E("StatusReason", reason) : null,
                E("NotificationARNs"),
                E("RollbackConfiguration"),
                Members("Capabilities", c.Capabilities),
                Tags(c.Tags),
                Members("Changes", page.Select(Change)),
                next is null ? null : E("NextToken", next),
                E("IncludeNestedStacks", c.Changes.Any(x => x.ChangeSetId is not null)));
    }

    private WireResponse ExecuteChangeSet(AwsRequest request)
    {
        var c = RequireChangeSet(request);
        lock (store.Lock)
        {
            var status = c.ExecutionStatus(DateTimeOffset.UtcNow);
            var token = request.Form.Get("ClientRequestToken");
            // A retry of the request that started the execution (same ClientRequestToken) succeeds again.
            if (status != "AVAILABLE" && token is not null && token == c.ExecuteToken)
                return QueryProtocol.Ok(request);
            if (status != "AVAILABLE")
                throw new AwsError("InvalidChangeSetStatus", $"ChangeSet [{c.Id}] cannot be executed in its current execution status of [{status}]");
            if (c.Stack.IsBusy)
                throw AwsError.Validation($"Stack:{c.Stack.StackId} is in {c.Stack.Status} state and can not be updated.");
            c.ExecutionOverride = "EXECUTE_IN_PROGRESS";
            c.ExecuteToken = token;
            executor.Execute(c.Stack, c, token);
        }
        return QueryProtocol.Ok(request);
    }

    private WireResponse DeleteChangeSet(AwsRequest request)
    {
        var c = RequireChangeSet(request);
        lock (store.Lock)
        {
            var now = DateTimeOffset.UtcNow;
            if (c.ExecutionOverride == "EXECUTE_IN_PROGRESS" || !c.IsReady(now))
                throw new AwsError("InvalidChangeSetStatus",
                    $"ChangeSet [{c.Id}] cannot be deleted in its current status of [{(c.IsReady(now) ? "EXECUTE_IN_PROGRESS" : c.Status(now))}]");
            DeleteNestedChangeSets(c);
            c.Stack.ChangeSets.Remove(c);
        }
        return QueryProtocol.Ok(request);
    }

    private WireResponse ListChangeSets(AwsRequest request)
    {
        var stack = store.Require(request.Form.Required("StackName"));
        List<ChangeSet> changeSets;
        lock (store.Lock) changeSets = stack.ChangeSets.ToList();
        var (page, next) = Paging.Page(changeSets, request.Form.Get("NextToken"), options.PageSize);
        var now = DateTimeOffset.UtcNow;
        return QueryProtocol.Ok(request, Members("Summaries", page.Select(c => ChangeSetSummary(c, now))), next is null ? null : E("NextToken", next));
    }
}
