using System.Text.Json.Nodes;
using ComposeEcs.CloudFormation.Timing;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>Side effects of resources on other emulated services (a stack's secret shows up in Secrets Manager).</summary>
internal delegate void ResourceHook(string type, PhysicalResource resource, JsonNode? properties, bool exists);

/// <summary>
/// Runs change sets and deletions in the background with rollback: each resource starts as soon as what it depends on
/// is done and takes its time on the <see cref="ResourceClock"/>.
/// </summary>
internal sealed partial class Executor(CloudFormationStore store, PhysicalResources physical, ResourceClock clock, ResourceHook hook, CancellationToken stopping)
{
    /// <summary>The stack enters CREATE_/UPDATE_IN_PROGRESS before this returns, as DescribeStacks shows right after ExecuteChangeSet.</summary>
    public void Execute(Stack stack, ChangeSet changeSet, string? token)
    {
        lock (store.Lock)
        {
            stack.OperationToken = token;
            if (changeSet.Type == "CREATE")
            {
                Begin(stack, changeSet, "CREATE_IN_PROGRESS");
                Schedule(stack, token, () => CreateAsync(stack, changeSet));
                return;
            }
            var previous = new StackSnapshot(stack.Template!, stack.Parameters, stack.ResolvedParameters, stack.Tags, stack.Outputs,
                new Dictionary<string, StackResource>(stack.Resources));
            Begin(stack, changeSet, "UPDATE_IN_PROGRESS");
            Schedule(stack, token, () => UpdateAsync(stack, changeSet, previous));
        }
    }

    /// <summary>Deletes now, or after the running operation when there is one.</summary>
    public void Delete(Stack stack, string? token)
    {
        lock (store.Lock)
        {
            if (stack.DeleteQueued || stack.IsDeleted) return;
            stack.DeleteQueued = true;
            // Once the status is final, a running operation only has bookkeeping left, so the delete shows at once.
            var idle = !stack.IsBusy;
            if (idle)
            {
                stack.OperationToken = token;
                store.SetStatus(stack, "DELETE_IN_PROGRESS", "User Initiated");
            }
            Schedule(stack, token, () => DeleteAsync(stack, started: idle));
        }
    }

    public Task Idle(Stack stack) { lock (store.Lock) return stack.Operation; }

    private void Schedule(Stack stack, string? token, Func<Task> operation)
    {
        lock (store.Lock)
            stack.Operation = stack.Operation.ContinueWith(async _ =>
            {
                lock (store.Lock) stack.OperationToken = token;
                try { await operation(); }
                catch (OperationCanceledException) { }
                catch (Exception e)
                {
                    lock (store.Lock) stack.DeleteQueued = false;
                    store.SetStatus(stack, stack.Status.Replace("_IN_PROGRESS", "_FAILED", StringComparison.Ordinal), e.Message);
                }
            }, CancellationToken.None, TaskContinuationOptions.None, clock.Scheduler).Unwrap();
    }

    private Task Pause(Template template, string logicalId, ResourceOperation operation) =>
        clock.PassAsync(template, logicalId, operation, stopping);

    private async Task CreateAsync(Stack stack, ChangeSet changeSet)
    {
        var ctx = Context(stack);
        var template = changeSet.Template;
        var ids = TemplateGraph.CreationOrder(template, changeSet.Changes.Select(c => c.LogicalId));
        var created = new List<string>();
        var failed = await AsReady(ids, id => TemplateGraph.Dependencies(template, template.Resources[id]), stopOnFailure: true, async id =>
        {
            var ok = await ApplyAsync(stack, ctx, template.Resources[id], "CREATE", null, replace: false) is null;
            if (ok) lock (created) created.Add(id);
            return ok;
        });
        if (failed.Count > 0)
        {
            store.SetStatus(stack, "ROLLBACK_IN_PROGRESS",
                $"The following resource(s) failed to create: [{string.Join(", ", failed)}]. Rollback requested by user.");
            await RemoveAsync(stack, template, [.. created, .. failed], honourRetain: false);
            lock (store.Lock) stack.Outputs = [];
            store.SetStatus(stack, "ROLLBACK_COMPLETE", null);
        }
        else
            Complete(stack, ctx, "CREATE_COMPLETE");
        Finish(changeSet);
    }

    private void Begin(Stack stack, ChangeSet changeSet, string status)
    {
        lock (store.Lock)
        {
            foreach (var other in stack.ChangeSets.Where(c => c != changeSet)) other.ExecutionOverride = "OBSOLETE";
            changeSet.ExecutionOverride = "EXECUTE_IN_PROGRESS";
            stack.LastChangeSetId = changeSet.Id;
            stack.Template = changeSet.Template;
            stack.Parameters = changeSet.Parameters;
            stack.ResolvedParameters = changeSet.ResolvedParameters;
            stack.Tags = changeSet.Tags;
            stack.Capabilities = changeSet.Capabilities;
            if (status != "CREATE_IN_PROGRESS") stack.LastUpdatedTime = store.Now();
            store.SetStatus(stack, status, "User Initiated");
        }
    }

    private void Finish(ChangeSet changeSet)
    {
        lock (store.Lock) changeSet.ExecutionOverride = "EXECUTE_COMPLETE";
        DropUnusedReviewChildren(changeSet.Stack);
    }

    private EvalContext Context(Stack stack)
    {
        lock (store.Lock)
            return new EvalContext(stack.Template!, stack.ResolvedParameters,
                stack.Resources.Values.Where(r => r.Exists).ToDictionary(r => r.LogicalId, r => r.Physical!),
                stack.StackName, stack.StackId, store.Region, store.AccountId);
    }

    /// <summary>Creates or updates one resource; returns the failure reason when FailResource says so.</summary>
    private async Task<string?> ApplyAsync(Stack stack, EvalContext ctx, TemplateResource definition, string verb, StackResource? existing, bool replace)
    {
        var id = definition.LogicalId;
        var properties = Intrinsics.Evaluate(ctx with { Resources = Context(stack).Resources }, definition.Properties);
        var propertiesText = properties?.ToJsonString();
        var inProgressReason = replace ? "Requested update requires the creation of a new physical resource; hence creating one." : null;
        store.AddEvent(stack, id, existing?.Physical?.Id, definition.Type, $"{verb}_IN_PROGRESS", inProgressReason, propertiesText);
        var failure = store.FailureFor(id) ?? ResourceQuotas.Failure(definition.Type, properties) ?? DuplicateListener(stack, id, definition.Type, properties);
        PhysicalResource? resource = null;
        if (failure is null && definition.Type == NestedStackType)
            (resource, failure) = await ApplyNestedAsync(stack, id, properties, existing);
        else if (failure is null)
            resource = physical.Create(definition.Type, id, stack.StackName, properties, existing?.Physical?.Id, replace);
        if (verb == "CREATE" && resource is not null)
            store.AddEvent(stack, id, resource.Id, definition.Type, "CREATE_IN_PROGRESS", "Resource creation Initiated", propertiesText);
        await Pause(ctx.Template, id, verb == "CREATE" || replace ? ResourceOperation.Create : ResourceOperation.Update);
        if (failure is { } reason)
        {
            lock (store.Lock)
            {
                ReleaseListenerPort(stack, id);
                stack.Resources[id] = existing is not null
                    ? existing with { Status = $"{verb}_FAILED", StatusReason = reason, Timestamp = store.Now() }
                    : new StackResource(id, definition.Type, null, $"{verb}_FAILED", reason, store.Now(), properties, definition);
            }
            store.AddEvent(stack, id, existing?.Physical?.Id, definition.Type, $"{verb}_FAILED", reason, propertiesText);
            return reason;
        }
        lock (store.Lock)
        {
            ReleaseListenerPort(stack, id);
            stack.Resources[id] = new StackResource(id, definition.Type, resource!, $"{verb}_COMPLETE", null, store.Now(), properties, definition);
        }
        hook(definition.Type, resource!, properties, exists: true);
        store.AddEvent(stack, id, resource!.Id, definition.Type, $"{verb}_COMPLETE", null, propertiesText);
        return null;
    }

    private readonly Dictionary<(string Stack, string? LoadBalancer, string? Port), string> _listenerPorts = [];

    private void ReleaseListenerPort(Stack stack, string id)
    {
        foreach (var key in _listenerPorts.Where(c => c.Key.Stack == stack.StackId && c.Value == id).Select(c => c.Key).ToList())
            _listenerPorts.Remove(key);
    }

    /// <summary>ELBv2 refuses a second listener on a port of a load balancer (error code DuplicateListener).</summary>
    private string? DuplicateListener(Stack stack, string id, string type, System.Text.Json.Nodes.JsonNode? properties)
    {
        if (type != "AWS::ElasticLoadBalancingV2::Listener") return null;
        var lb = properties?["LoadBalancerArn"]?.ToString();
        var port = properties?["Port"]?.ToString();
        bool taken;
        lock (store.Lock)
        {
            // Listeners of one wave are created side by side: the first to claim the port wins, as in ELBv2.
            taken = stack.Resources.Values.Any(r => r.LogicalId != id && r.Type == type && r.Exists
                && r.Properties?["LoadBalancerArn"]?.ToString() == lb && r.Properties?["Port"]?.ToString() == port)
                || _listenerPorts.TryGetValue((stack.StackId, lb, port), out var claimant) && claimant != id;
            if (!taken) _listenerPorts[(stack.StackId, lb, port)] = id;
        }
        return taken
            ? $"Resource handler returned message: \"A listener already exists on this port for this load balancer '{lb}' " +
              "(Service: ElasticLoadBalancingV2, Status Code: 400, Error Code: DuplicateListener)\" (HandlerErrorCode: AlreadyExists)"
            : null;
    }

    /// <summary>
    /// Deletes resources, dependents before what they depend on and independent ones side by side; DELETE_SKIPPED for
    /// DeletionPolicy Retain. Returns the ids whose deletion failed (FailResourceDeletion), which also keep what they use alive.
    /// </summary>
    private Task<IReadOnlyList<string>> RemoveAsync(Stack stack, Template template, IReadOnlyCollection<string> ids, bool honourRetain, bool allowFailure = false)
    {
        var set = ids.ToHashSet();
        IEnumerable<string> Dependents(string id) => set.Where(other => other != id && template.Resources.TryGetValue(other, out var r)
            && TemplateGraph.Dependencies(template, r).Contains(id));
        var order = TemplateGraph.CreationOrder(template, set.Where(template.Resources.ContainsKey)).Reverse()
            .Concat(set.Where(id => !template.Resources.ContainsKey(id))).ToList();
        return AsReady(order, Dependents, stopOnFailure: false, id => RemoveOneAsync(stack, template, id, honourRetain, allowFailure));
    }

    private async Task<bool> RemoveOneAsync(Stack stack, Template template, string id, bool honourRetain, bool allowFailure)
    {
        StackResource? resource;
        lock (store.Lock) resource = stack.Resources.GetValueOrDefault(id);
        if (resource is null) return true;
        if (!resource.Exists)
        {
            MarkDeleted(stack, resource, "DELETE_COMPLETE");
            return true;
        }
        if (honourRetain && resource.Definition.DeletionPolicy == "Retain")
        {
            MarkDeleted(stack, resource, "DELETE_SKIPPED");
            return true;
        }
        store.AddEvent(stack, id, resource.Physical!.Id, resource.Type, "DELETE_IN_PROGRESS", null);
        await Pause(template, id, ResourceOperation.Delete);
        if (allowFailure && store.DeletionFailureFor(id) is { } reason)
        {
            lock (store.Lock) stack.Resources[id] = resource with { Status = "DELETE_FAILED", StatusReason = reason, Timestamp = store.Now() };
            store.AddEvent(stack, id, resource.Physical.Id, resource.Type, "DELETE_FAILED", reason);
            return false;
        }
        if (resource.Type == NestedStackType) await DeleteNestedAsync(resource.Physical.Id);
        hook(resource.Type, resource.Physical, resource.Properties, exists: false);
        MarkDeleted(stack, resource, "DELETE_COMPLETE");
        return true;
    }

    private void MarkDeleted(Stack stack, StackResource resource, string status)
    {
        lock (store.Lock)
        {
            stack.Resources[resource.LogicalId] = resource with { Status = "DELETE_COMPLETE", Timestamp = store.Now() };
            if (status == "DELETE_SKIPPED") stack.Resources.Remove(resource.LogicalId);
        }
        store.AddEvent(stack, resource.LogicalId, resource.Physical?.Id, resource.Type, status, null);
    }

    private void Complete(Stack stack, EvalContext ctx, string status)
    {
        var full = ctx with { Resources = Context(stack).Resources };
        var outputs = stack.Template!.Outputs
            .Where(kv => kv.Value?["Condition"] is not { } c || Intrinsics.Condition(full, Template.Text(c) ?? ""))
            .Select(kv => new StackOutput(kv.Key, Intrinsics.Text(full, kv.Value?["Value"]), Template.Text(kv.Value?["Description"]),
                kv.Value?["Export"]?["Name"] is { } name ? Intrinsics.Text(full, name) : null))
            .ToList();
        lock (store.Lock) stack.Outputs = outputs;
        store.SetStatus(stack, status, null);
    }

    private async Task DeleteAsync(Stack stack, bool started)
    {
        if (!started) store.SetStatus(stack, "DELETE_IN_PROGRESS", "User Initiated");
        Template? template;
        List<string> ids;
        lock (store.Lock) (template, ids) = (stack.Template, stack.Resources.Keys.ToList());
        var failed = template is null ? [] : await RemoveAsync(stack, template, ids, honourRetain: true, allowFailure: true);
        lock (store.Lock) stack.DeleteQueued = false;
        if (failed.Count > 0)
        {
            store.SetStatus(stack, "DELETE_FAILED", $"The following resource(s) failed to delete: [{string.Join(", ", failed)}]. ");
            return;
        }
        lock (store.Lock)
        {
            stack.DeletionTime = store.Now();
            stack.Outputs = [];
            foreach (var changeSet in stack.ChangeSets) changeSet.ExecutionOverride ??= "OBSOLETE";
        }
        store.SetStatus(stack, "DELETE_COMPLETE", null);
    }
}
