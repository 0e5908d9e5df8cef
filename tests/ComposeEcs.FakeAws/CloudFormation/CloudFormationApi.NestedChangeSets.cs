using System.Text;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>
/// IncludeNestedStacks: each nested stack the parent's change set adds or modifies gets its own change set (a new one on a
/// stack created in REVIEW_IN_PROGRESS, as CloudFormation does), named by the parent's change's ChangeSetId, so a client can
/// describe every level. Deleting the parent's change set deletes them and those review-only stacks.
/// </summary>
internal sealed partial class CloudFormationApi
{
    private const string NestedStackType = "AWS::CloudFormation::Stack";

    private IReadOnlyList<ResourceChange> WithNestedChangeSets(Stack parent, Template template, IReadOnlyList<ResourceChange> changes)
    {
        var result = new List<ResourceChange>();
        foreach (var change in changes)
        {
            if (change.ResourceType != NestedStackType || change.Action is not ("Add" or "Modify"))
            {
                result.Add(change);
                continue;
            }
            var definition = template.Resources[change.LogicalId];
            var url = Template.Text(definition.Properties?["TemplateURL"]) ?? "";
            var bytes = store.ReadUrl(url) ?? throw AwsError.Validation(
                "S3 error: Access Denied For more information check http://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html");
            if (bytes.Length > TemplateQuotas.MaxTemplateUrlBytes)
                throw AwsError.Validation($"Template may not exceed {TemplateQuotas.MaxTemplateUrlBytes} bytes in size.");
            var childTemplate = TemplateValidator.Validate(Encoding.UTF8.GetString(bytes), int.MaxValue);
            TemplateQuotas.CheckCounts(childTemplate);

            var child = change.Action == "Modify" && parent.Resources.GetValueOrDefault(change.LogicalId)?.Physical is { } p ? store.Find(p.Id) : null;
            if (child is null)
            {
                child = store.Add($"{parent.StackName}-{change.LogicalId}-{store.Ids.Alnum($"{parent.StackId}/{change.LogicalId}/review/{store.Now().Ticks}", 12).ToUpperInvariant()}");
                store.SetStatus(child, "REVIEW_IN_PROGRESS", "User Initiated");
                store.ReviewChildren[(parent.StackId, change.LogicalId)] = child.StackId;
            }
            // Values the parent computes at execution (Fn::GetAtt of its resources) are not known yet: the current ones stand in.
            var parameters = childTemplate.Parameters.Keys.ToDictionary(k => k, k => child.Parameters.GetValueOrDefault(k) ?? "", StringComparer.Ordinal);
            var included = ChangeSets.Included(childTemplate, parameters, child.StackName, store.Region, store.AccountId);
            var nestedChanges = ChangeSets.Diff(child.Template, child.ResolvedParameters, child.Resources, childTemplate, parameters, included);
            var name = $"nested-{change.LogicalId}-{child.ChangeSets.Count}";
            var now = store.Now();
            var nested = new ChangeSet($"arn:aws:cloudformation:{store.Region}:{store.AccountId}:changeSet/{name}/{store.Ids.Guid($"{child.StackId}/changeSet/{name}")}",
                name, child, child.Template is null ? "CREATE" : "UPDATE", now)
            {
                Template = childTemplate, Parameters = parameters, ResolvedParameters = parameters, Tags = parent.Tags, Capabilities = [],
                Changes = WithNestedChangeSets(child, childTemplate, nestedChanges), ReadyAt = now + options.ResourceDelay, Gate = store.ChangeSetGate, FinalStatus = "CREATE_COMPLETE",
            };
            child.ChangeSets.Add(nested);
            result.Add(change with { ChangeSetId = nested.Id });
        }
        return result;
    }

    /// <summary>With the parent's change set go its nested change sets, and the stacks that only existed for review.</summary>
    private void DeleteNestedChangeSets(ChangeSet parent)
    {
        foreach (var change in parent.Changes.Where(c => c.ChangeSetId is not null))
        {
            if (store.FindChangeSet(change.ChangeSetId!, null) is not { } nested) continue;
            nested.Stack.ChangeSets.Remove(nested);
            DeleteNestedChangeSets(nested);
            if (nested.Stack.Status == "REVIEW_IN_PROGRESS" && nested.Stack.Template is null)
            {
                store.SetStatus(nested.Stack, "DELETE_COMPLETE", null);
                store.ReviewChildren.Remove((parent.Stack.StackId, change.LogicalId));
            }
        }
    }
}
