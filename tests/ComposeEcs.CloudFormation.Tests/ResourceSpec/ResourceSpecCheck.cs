using System.Collections.Immutable;
using ComposeEcs.CloudFormation;

namespace ComposeEcs.CloudFormation.Tests;

/// <summary>
/// Checks every resource of a template against <see cref="ResourceSpec"/>: its type must be listed; its attributes and
/// properties, recursively through the listed property types, must use listed names, include the required ones and
/// hold values of the listed shape (see <see cref="ValueCheck"/>) and, for enum-like ones, an allowed value; task
/// definitions for Fargate must also avoid what Fargate refuses (see <see cref="FargateCheck"/>).
/// Values that are intrinsic functions are not looked into, except both branches of <c>Fn::If</c>.
/// </summary>
public static class ResourceSpecCheck
{
    public static IReadOnlyList<string> Problems(MapExpr tree) => Problems(tree, ResourceSpec.Default);

    public static IReadOnlyList<string> Problems(MapExpr tree, ResourceSpec spec)
    {
        var problems = new List<string>();
        if (tree["Resources"] is not MapExpr resources) return problems;
        var attributes = spec.Properties.GetValueOrDefault(ResourceSpec.ResourceAttributesName)
            ?? ImmutableSortedDictionary<string, PropertySpec>.Empty;
        foreach (var (id, value) in resources.Entries)
        {
            var path = $"Resources.{id}";
            if (value is not MapExpr resource) continue;
            CheckAttributes(spec, attributes, resource, path, problems);
            if (resource["Type"] is not Str { Value: var type }) continue;
            if (!spec.IsResourceType(type))
            {
                problems.Add($"{path}: type '{type}' is not in ResourceSpec/resource-types.txt");
                continue;
            }
            var properties = resource["Properties"] ?? MapExpr.Empty;
            new ValueCheck(spec, problems).Check(new NestedShape(type), [], properties, $"{path}.Properties");
            if (type == "AWS::ECS::TaskDefinition" && properties is MapExpr task) FargateCheck.Check(task, $"{path}.Properties", problems);
        }
        return problems;
    }

    private static void CheckAttributes(
        ResourceSpec spec, ImmutableSortedDictionary<string, PropertySpec> attributes, MapExpr resource, string path, List<string> problems)
    {
        var check = new ValueCheck(spec, problems);
        foreach (var (key, value) in resource.Entries)
        {
            if (!attributes.TryGetValue(key, out var attribute)) problems.Add($"{path}: '{key}' is not a resource attribute");
            else if (key != "Properties") check.Check(attribute.Shape, attribute.AllowedValues, value, $"{path}.{key}", attribute.Pattern);
        }
        foreach (var (name, attribute) in attributes.Where(a => a.Value.Required))
            if (resource[name] is null) problems.Add($"{path}: required attribute '{name}' is missing");
    }
}
