using ComposeEcs.CloudFormation.Timing;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>What an update restores when it rolls back.</summary>
internal sealed record StackSnapshot(
    Template Template,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> ResolvedParameters,
    IReadOnlyList<StackTag> Tags,
    IReadOnlyList<StackOutput> Outputs,
    Dictionary<string, StackResource> Resources);

internal sealed partial class Executor
{
    /// <summary>Add/Modify in dependency order, then cleanup (removals, replaced resources); on failure restore the old state.</summary>
    private async Task UpdateAsync(Stack stack, ChangeSet changeSet, StackSnapshot previous)
    {
        var (oldTemplate, oldParameters, oldResolved, oldTags, oldOutputs, before) = previous;
        var ctx = Context(stack);
        var template = changeSet.Template;
        var changes = changeSet.Changes.ToDictionary(c => c.LogicalId);
        var ids = TemplateGraph.CreationOrder(template, changes.Values.Where(c => c.Action != "Remove").Select(c => c.LogicalId));
        var applied = new List<string>();
        var failed = await AsReady(ids, id => TemplateGraph.Dependencies(template, template.Resources[id]), stopOnFailure: true, async id =>
        {
            var change = changes[id];
            var verb = change.Action == "Add" ? "CREATE" : "UPDATE";
            var ok = await ApplyAsync(stack, ctx, template.Resources[id], verb, before.GetValueOrDefault(id), change.Replaces) is null;
            lock (applied) applied.Add(id);
            return ok;
        });
        if (failed.Count > 0)
        {
            await RollBackUpdateAsync(stack, failed, applied, changes, before, template);
            lock (store.Lock)
                (stack.Template, stack.Parameters, stack.ResolvedParameters, stack.Tags, stack.Outputs) = (oldTemplate, oldParameters, oldResolved, oldTags, oldOutputs);
            store.SetStatus(stack, "UPDATE_ROLLBACK_COMPLETE", null);
            Finish(changeSet);
            return;
        }
        store.SetStatus(stack, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null);
        await DeleteReplacedAsync(stack, template, applied.Where(id => changes[id].Replaces).Reverse(), before);
        var removed = changes.Values.Where(c => c.Action == "Remove").Select(c => c.LogicalId).ToHashSet();
        await RemoveAsync(stack, oldTemplate, removed, honourRetain: true);
        lock (store.Lock)
            foreach (var id in removed.Where(id => stack.Resources.GetValueOrDefault(id)?.Status == "DELETE_COMPLETE"))
                stack.Resources.Remove(id);
        Complete(stack, ctx, "UPDATE_COMPLETE");
        Finish(changeSet);
    }

    private async Task RollBackUpdateAsync(Stack stack, IReadOnlyList<string> failed, List<string> applied,
        Dictionary<string, ResourceChange> changes, Dictionary<string, StackResource> before, Template template)
    {
        var verb = failed.All(id => changes[id].Action == "Add") ? "create" : "update";
        store.SetStatus(stack, "UPDATE_ROLLBACK_IN_PROGRESS",
            $"The following resource(s) failed to {verb}: [{string.Join(", ", failed)}]. ");
        var modified = applied.Where(id => changes[id].Action == "Modify").Reverse().ToList();
        foreach (var id in modified)
        {
            var old = before[id];
            store.AddEvent(stack, id, old.Physical?.Id, old.Type, "UPDATE_IN_PROGRESS", null, old.Properties?.ToJsonString());
            if (old.Type == NestedStackType) await RestoreNestedAsync(stack, old);
            await Pause(template, id, ResourceOperation.Update);
            lock (store.Lock) stack.Resources[id] = old with { Status = "UPDATE_COMPLETE", Timestamp = store.Now() };
            hook(old.Type, old.Physical!, old.Properties, exists: true);
            store.AddEvent(stack, id, old.Physical?.Id, old.Type, "UPDATE_COMPLETE", null, old.Properties?.ToJsonString());
        }
        store.SetStatus(stack, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", null);
        var added = applied.Where(id => changes[id].Action == "Add").Reverse().ToList();
        await RemoveAsync(stack, template, added, honourRetain: false);
        lock (store.Lock)
            foreach (var id in added) stack.Resources.Remove(id);
    }

    /// <summary>Old physical resources left behind by replacements are deleted during cleanup.</summary>
    private async Task DeleteReplacedAsync(Stack stack, Template template, IEnumerable<string> ids, Dictionary<string, StackResource> before)
    {
        foreach (var id in ids)
        {
            if (before.GetValueOrDefault(id) is not { Physical: { } old } resource) continue;
            StackResource? now;
            lock (store.Lock) now = stack.Resources.GetValueOrDefault(id);
            if (now?.Physical?.Id == old.Id) continue;
            store.AddEvent(stack, id, old.Id, resource.Type, "DELETE_IN_PROGRESS", null);
            await Pause(template, id, ResourceOperation.Delete);
            hook(resource.Type, old, resource.Properties, exists: false);
            store.AddEvent(stack, id, old.Id, resource.Type, "DELETE_COMPLETE", null);
        }
    }
}
