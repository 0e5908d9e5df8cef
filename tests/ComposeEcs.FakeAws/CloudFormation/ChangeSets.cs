using System.Text.Json.Nodes;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>Computes a change set: per logical id Add, Modify (properties, DependsOn or referenced parameters differ) or Remove.</summary>
internal static class ChangeSets
{
    public const string NoChangesReason =
        "The submitted information didn't contain changes. Submit different information to create a change set.";

    /// <summary>Resources whose Condition holds for these parameter values.</summary>
    public static IReadOnlyList<string> Included(Template template, IReadOnlyDictionary<string, string> parameters, string stackName, string region, string account)
    {
        var ctx = new EvalContext(template, parameters, new Dictionary<string, PhysicalResource>(), stackName, "", region, account);
        return template.Resources.Values
            .Where(r => r.Condition is null || Intrinsics.Condition(ctx, r.Condition))
            .Select(r => r.LogicalId)
            .ToList();
    }

    public static IReadOnlyList<ResourceChange> Diff(
        Template? oldTemplate, IReadOnlyDictionary<string, string> oldParameters, IReadOnlyDictionary<string, StackResource> current,
        Template newTemplate, IReadOnlyDictionary<string, string> newParameters, IReadOnlyList<string> included)
    {
        var changes = new Dictionary<string, ResourceChange>(StringComparer.Ordinal);
        foreach (var id in TemplateGraph.CreationOrder(newTemplate, included))
        {
            var next = newTemplate.Resources[id];
            if (!current.TryGetValue(id, out var existing) || !existing.Exists || oldTemplate?.Resources.GetValueOrDefault(id) is not { } before)
            {
                changes[id] = new ResourceChange("Add", id, null, next.Type, null, [], []);
                continue;
            }
            var details = ChangedProperties(before, oldParameters, next, newParameters)
                .Select(p => new ChangeDetail(p, ResourceTypes.RequiresReplacement(next.Type, p), null))
                .Concat(ReferenceChanges(next, changes))
                .ToList();
            var dependsOnChanged = !before.DependsOn.Order().SequenceEqual(next.DependsOn.Order());
            if (details.Count == 0 && !dependsOnChanged && before.Type == next.Type) continue;
            var replacement = before.Type != next.Type || details.Any(d => d.RequiresRecreation && d.CausingEntity is null) ? "True"
                : details.Any(d => d.RequiresRecreation) ? "Conditional" : "False";
            var properties = details.Select(d => d.Property).Distinct().ToList();
            var scope = properties.Count == 0 ? new List<string>() : properties is ["Tags"] ? ["Tags"] : properties.Contains("Tags") ? ["Properties", "Tags"] : ["Properties"];
            changes[id] = new ResourceChange("Modify", id, existing.Physical?.Id, next.Type, replacement, scope, details);
        }
        var result = included.Where(changes.ContainsKey).Select(id => changes[id]).ToList();
        foreach (var (id, existing) in current)
            if (existing.Exists && !included.Contains(id))
                result.Add(new ResourceChange("Remove", id, existing.Physical?.Id, existing.Type, null, [], []));
        return result;
    }

    /// <summary>Properties that reference a resource being replaced get a new value when it is: Dynamic changes.</summary>
    private static IEnumerable<ChangeDetail> ReferenceChanges(TemplateResource resource, Dictionary<string, ResourceChange> changes)
    {
        if (resource.Properties is not JsonObject properties) yield break;
        foreach (var (name, value) in properties)
            foreach (var referenced in TemplateGraph.References(value))
                if (changes.TryGetValue(referenced, out var change) && change.Replaces)
                    yield return new ChangeDetail(name, ResourceTypes.RequiresReplacement(resource.Type, name), referenced);
    }

    /// <summary>Top-level property names whose definition (with referenced parameter values substituted) differs.</summary>
    private static List<string> ChangedProperties(TemplateResource before, IReadOnlyDictionary<string, string> oldParameters,
        TemplateResource after, IReadOnlyDictionary<string, string> newParameters)
    {
        var a = before.Properties as JsonObject ?? [];
        var b = after.Properties as JsonObject ?? [];
        return a.Select(kv => kv.Key).Union(b.Select(kv => kv.Key))
            .Where(key => !JsonNode.DeepEquals(Normalize(a[key], oldParameters), Normalize(b[key], newParameters)))
            .ToList();
    }

    private static JsonNode? Normalize(JsonNode? node, IReadOnlyDictionary<string, string> parameters)
    {
        if (node is null) return null;
        var referenced = TemplateGraph.References(node).Where(parameters.ContainsKey).ToList();
        if (referenced.Count == 0) return node;
        return new JsonObject
        {
            ["definition"] = node.DeepClone(),
            ["parameters"] = new JsonObject(referenced.Select(p => KeyValuePair.Create(p, (JsonNode?)parameters[p]))),
        };
    }

    /// <summary>Whether anything besides resources changed (outputs, tags, description), which still makes a valid change set.</summary>
    public static bool StackLevelChanged(Stack stack, Template template, IReadOnlyList<StackTag> tags, IReadOnlyDictionary<string, string> parameters) =>
        stack.Template is null
        || !JsonNode.DeepEquals(stack.Template.Outputs, template.Outputs)
        || stack.Template.Description != template.Description
        || !stack.Tags.SequenceEqual(tags)
        || !stack.Parameters.OrderBy(p => p.Key).SequenceEqual(parameters.OrderBy(p => p.Key));
}
