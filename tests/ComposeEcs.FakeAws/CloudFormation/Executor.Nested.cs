using System.Text;
using System.Text.Json.Nodes;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>
/// AWS::CloudFormation::Stack resources: the child stack is created, updated and deleted with its parent, from the
/// template its TemplateURL names in the emulator's S3. The child's own events go on the child stack; its failure
/// (after its own rollback) fails the resource, so the parent rolls back too and takes the child back with it.
/// Fn::GetAtt [Child, Outputs.X] reads the child's outputs.
/// </summary>
internal sealed partial class Executor
{
    private const string NestedStackType = "AWS::CloudFormation::Stack";

    /// <summary>Creates or updates the child stack; returns its physical resource, or the failure reason.</summary>
    private async Task<(PhysicalResource? Resource, string? Failure)> ApplyNestedAsync(Stack parent, string logicalId, JsonNode? properties, StackResource? existing)
    {
        var url = Template.Text(properties?["TemplateURL"]) ?? "";
        var bytes = store.ReadUrl(url);
        if (bytes is null) return (null, "S3 error: Access Denied For more information check http://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html");
        Template template;
        try
        {
            template = TemplateValidator.Validate(Encoding.UTF8.GetString(bytes), TemplateQuotas.MaxTemplateUrlBytes);
            TemplateQuotas.CheckCounts(template);
        }
        catch (AwsError e)
        {
            return (null, e.Message);
        }
        var given = (properties?["Parameters"] as JsonObject ?? []).Select(p => (p.Key, Template.Text(p.Value), false)).ToList();

        Stack child;
        ChangeSet changeSet;
        lock (store.Lock)
        {
            child = existing?.Physical is { } p && store.Find(p.Id) is { IsDeleted: false } found
                ? found
                : store.ReviewChildren.Remove((parent.StackId, logicalId), out var reviewId) && store.Find(reviewId) is { IsDeleted: false } review
                ? review
                : store.Add($"{parent.StackName}-{logicalId}-{store.Ids.Alnum($"{parent.StackId}/{logicalId}/{store.Now().Ticks}", 12).ToUpperInvariant()}");
            var isNew = child.Template is null;
            Dictionary<string, string> parameters;
            try
            {
                parameters = TemplateValidator.ResolveParameters(template, given, isNew ? null : child.Parameters);
            }
            catch (AwsError e)
            {
                return (null, e.Message);
            }
            var included = ChangeSets.Included(template, parameters, child.StackName, store.Region, store.AccountId);
            var changes = ChangeSets.Diff(isNew ? null : child.Template, child.ResolvedParameters, child.Resources, template, parameters, included);
            changeSet = new ChangeSet($"{child.StackId}/nested/{child.ChangeSets.Count}", $"nested-{child.ChangeSets.Count}", child, isNew ? "CREATE" : "UPDATE", store.Now())
            {
                Template = template, Parameters = parameters, ResolvedParameters = parameters, Tags = parent.Tags, Capabilities = parent.Capabilities,
                Changes = changes, ReadyAt = store.Now(), FinalStatus = "CREATE_COMPLETE",
            };
            if (!isNew && changes.Count == 0 && !ChangeSets.StackLevelChanged(child, template, parent.Tags, parameters))
                return (Resource(child), null);
            child.ChangeSets.Add(changeSet);
        }

        if (changeSet.Type == "CREATE")
        {
            Begin(child, changeSet, "CREATE_IN_PROGRESS");
            await CreateAsync(child, changeSet);
        }
        else
        {
            StackSnapshot previous;
            lock (store.Lock)
                previous = new StackSnapshot(child.Template!, child.Parameters, child.ResolvedParameters, child.Tags, child.Outputs,
                    new Dictionary<string, StackResource>(child.Resources));
            Begin(child, changeSet, "UPDATE_IN_PROGRESS");
            await UpdateAsync(child, changeSet, previous);
        }
        string status, reason;
        lock (store.Lock) (status, reason) = (child.Status, child.StatusReason ?? FirstFailure(child));
        if (status is "CREATE_COMPLETE" or "UPDATE_COMPLETE")
        {
            lock (store.Lock) return (Resource(child), null);
        }
        var failure = $"Embedded stack {child.StackId} was not successfully {(changeSet.Type == "CREATE" ? "created" : "updated")}: {reason}";
        if (changeSet.Type == "CREATE")
        {
            await DeleteNestedAsync(child.StackId);
            return (null, failure);
        }
        lock (store.Lock) return (Resource(child), failure);
    }

    private static string FirstFailure(Stack child) =>
        child.Events.FirstOrDefault(e => e.ResourceStatus.EndsWith("_FAILED", StringComparison.Ordinal)) is { } e
            ? $"The following resource(s) failed: [{e.LogicalResourceId}]. {e.ResourceStatusReason}"
            : child.Status;

    private static PhysicalResource Resource(Stack child) => new(child.StackId,
        child.Outputs.ToDictionary(o => $"Outputs.{o.Key}", o => (JsonNode?)JsonValue.Create(o.Value), StringComparer.Ordinal));

    /// <summary>Deletes the child stack of a nested-stack resource and waits for it.</summary>
    private async Task DeleteNestedAsync(string stackId)
    {
        Stack? child;
        lock (store.Lock) child = store.Find(stackId);
        if (child is null || child.IsDeleted) return;
        store.SetStatus(child, "DELETE_IN_PROGRESS", "Parent stack is being deleted");
        await DeleteAsync(child, started: true);
    }

    /// <summary>Puts a child back to the template and parameters it had before a failed parent update.</summary>
    private async Task RestoreNestedAsync(Stack parent, StackResource old)
    {
        if (old.Physical is null) return;
        await ApplyNestedAsync(parent, old.LogicalId, old.Properties, old);
    }

    /// <summary>Nested stacks prepared for review that the operation never reached (it rolled back first) go away with it.</summary>
    private void DropUnusedReviewChildren(Stack parent)
    {
        lock (store.Lock)
            foreach (var key in store.ReviewChildren.Keys.Where(k => k.Parent == parent.StackId).ToList())
            {
                if (store.Find(store.ReviewChildren[key]) is { Status: "REVIEW_IN_PROGRESS" } child)
                    store.SetStatus(child, "DELETE_COMPLETE", null);
                store.ReviewChildren.Remove(key);
            }
    }
}
