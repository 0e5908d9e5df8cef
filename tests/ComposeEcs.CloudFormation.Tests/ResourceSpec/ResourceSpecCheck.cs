using ComposeEcs.CloudFormation;

namespace ComposeEcs.CloudFormation.Tests;

/// <summary>
/// Checks every resource of a template against <see cref="ResourceSpec"/>: its type must be listed and its
/// properties, recursively through the listed property types, must use listed names. Values that are intrinsic
/// functions are not looked into, except both branches of <c>Fn::If</c>.
/// </summary>
public static class ResourceSpecCheck
{
    private static readonly HashSet<string> ResourceAttributes = new(StringComparer.Ordinal)
    {
        "Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy",
    };

    public static IReadOnlyList<string> Problems(MapExpr tree) => Problems(tree, ResourceSpec.Default);

    public static IReadOnlyList<string> Problems(MapExpr tree, ResourceSpec spec)
    {
        var problems = new List<string>();
        if (tree["Resources"] is not MapExpr resources) return problems;
        foreach (var (id, value) in resources.Entries)
        {
            var path = $"Resources.{id}";
            if (value is not MapExpr resource) continue;
            foreach (var (key, _) in resource.Entries.Where(e => !ResourceAttributes.Contains(e.Key)))
                problems.Add($"{path}: '{key}' is not a resource attribute");
            if (resource["Type"] is not Str { Value: var type }) continue;
            if (!spec.IsResourceType(type))
            {
                problems.Add($"{path}: type '{type}' is not in ResourceSpec/resource-types.txt");
                continue;
            }
            if (resource["Properties"] is { } properties) CheckValue(spec, properties, type, $"{path}.Properties", problems);
        }
        return problems;
    }

    private static void CheckValue(ResourceSpec spec, Expr value, string type, string path, List<string> problems)
    {
        switch (value)
        {
            case MapExpr map when Fn.IsFunction(map):
                if (map["Fn::If"] is ListExpr { Items: [_, var whenTrue, var whenFalse] })
                {
                    CheckValue(spec, whenTrue, type, $"{path}.Fn::If[1]", problems);
                    CheckValue(spec, whenFalse, type, $"{path}.Fn::If[2]", problems);
                }
                break;
            case MapExpr map:
                CheckObject(spec, map, type, path, problems);
                break;
            case ListExpr list:
                for (var i = 0; i < list.Items.Length; i++)
                {
                    if (list.Items[i] is ListExpr) problems.Add($"{path}[{i}]: expected {type}, found a list");
                    else CheckValue(spec, list.Items[i], type, $"{path}[{i}]", problems);
                }
                break;
            default:
                problems.Add($"{path}: expected {type}, found {value}");
                break;
        }
    }

    private static void CheckObject(ResourceSpec spec, MapExpr map, string type, string path, List<string> problems)
    {
        var allowed = spec.Types[type];
        foreach (var (key, item) in map.Entries)
        {
            if (!allowed.TryGetValue(key, out var nested))
            {
                var near = allowed.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                problems.Add($"{path}: '{key}' is not a property of {type}{(near is null ? "" : $" (did you mean '{near}'?)")}");
            }
            else if (nested is not null) CheckValue(spec, item, nested, $"{path}.{key}", problems);
        }
    }
}
