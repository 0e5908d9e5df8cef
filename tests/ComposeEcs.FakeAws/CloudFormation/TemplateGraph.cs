using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>Dependencies between resources (Ref, Fn::GetAtt, Fn::Sub ${X} / ${X.Attr}, DependsOn) and the order they imply.</summary>
internal static partial class TemplateGraph
{
    [GeneratedRegex(@"\$\{([^}!][^}]*)\}")]
    private static partial Regex SubVariable();

    /// <summary>Every name referenced from a node: resources, parameters and pseudo parameters alike.</summary>
    public static IReadOnlyList<string> References(JsonNode? node)
    {
        var names = new List<string>();
        Collect(node, names, new HashSet<string>());
        return names;
    }

    private static void Collect(JsonNode? node, List<string> names, IReadOnlySet<string> local)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 1 && obj.First() is var (key, value) && IsReferenceKey(key):
                CollectReference(key, value, names, local);
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj) Collect(child, names, local);
                break;
            case JsonArray array:
                foreach (var child in array) Collect(child, names, local);
                break;
        }
    }

    private static bool IsReferenceKey(string key) => key is "Ref" or "Fn::GetAtt" or "Fn::Sub";

    private static void CollectReference(string key, JsonNode? value, List<string> names, IReadOnlySet<string> local)
    {
        switch (key)
        {
            case "Ref" when Template.Text(value) is { } name:
                Add(name, names, local);
                break;
            case "Fn::GetAtt":
                var target = value is JsonArray a ? Template.Text(a.FirstOrDefault()) : Template.Text(value)?.Split('.')[0];
                if (target is not null) Add(target, names, local);
                if (value is JsonArray { Count: > 1 } args) Collect(args[1], names, local);
                break;
            case "Fn::Sub":
                var (text, vars) = value is JsonArray sub ? (Template.Text(sub.FirstOrDefault()), sub.Count > 1 ? sub[1] as JsonObject : null) : (Template.Text(value), null);
                var localNames = vars is null ? local : new HashSet<string>(local.Concat(vars.Select(kv => kv.Key)));
                if (vars is not null) foreach (var (_, v) in vars) Collect(v, names, local);
                foreach (Match m in SubVariable().Matches(text ?? ""))
                    Add(m.Groups[1].Value.Split('.')[0], names, localNames);
                break;
            default:
                Collect(value, names, local);
                break;
        }
    }

    private static void Add(string name, List<string> names, IReadOnlySet<string> local)
    {
        if (!local.Contains(name) && !names.Contains(name)) names.Add(name);
    }

    /// <summary>Every (resource, attribute) pair named by Fn::GetAtt, long form or "X.Attr", and ${X.Attr} in Fn::Sub.</summary>
    public static IReadOnlyList<(string Resource, string Attribute)> GetAtts(JsonNode? node)
    {
        var found = new List<(string, string)>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject obj when obj.Count == 1 && obj.First() is ("Fn::GetAtt", var value):
                    var parts = value is JsonArray a ? a.Select(Template.Text).ToArray() : (Template.Text(value) ?? "").Split('.', 2);
                    if (parts.Length == 2 && parts[0] is { } r && parts[1] is { } attr) found.Add((r, attr));
                    if (value is JsonArray { Count: > 1 } args) Walk(args[1]);
                    break;
                case JsonObject obj when obj.Count == 1 && obj.First() is ("Fn::Sub", var sub):
                    var (text, vars) = sub is JsonArray sa ? (Template.Text(sa.FirstOrDefault()), sa.Count > 1 ? sa[1] as JsonObject : null) : (Template.Text(sub), null);
                    foreach (Match m in SubVariable().Matches(text ?? ""))
                        if (m.Groups[1].Value.Split('.', 2) is [var res, var at] && !IsPseudo(m.Groups[1].Value) && vars?.ContainsKey(m.Groups[1].Value) != true)
                            found.Add((res, at));
                    if (vars is not null) foreach (var (_, v) in vars) Walk(v);
                    break;
                case JsonObject obj:
                    foreach (var (_, child) in obj) Walk(child);
                    break;
                case JsonArray array:
                    foreach (var child in array) Walk(child);
                    break;
            }
        }
        Walk(node);
        return found;
    }

    public static bool IsPseudo(string name) => name.StartsWith("AWS::", StringComparison.Ordinal);

    /// <summary>Resource ids a resource depends on (references to parameters and pseudo parameters are not edges).</summary>
    public static IReadOnlyList<string> Dependencies(Template template, TemplateResource resource) =>
        References(resource.Properties).Concat(resource.DependsOn)
            .Where(template.Resources.ContainsKey)
            .Where(id => id != resource.LogicalId)
            .Distinct()
            .ToList();

    /// <summary>Resources in creation order (dependencies first), ties broken by template order.</summary>
    public static IReadOnlyList<string> CreationOrder(Template template, IEnumerable<string>? subset = null)
    {
        var wanted = new HashSet<string>(subset ?? template.Resources.Keys);
        var order = new List<string>();
        var state = new Dictionary<string, bool>();
        foreach (var id in template.Resources.Keys.Where(wanted.Contains)) Visit(template, id, wanted, state, order, []);
        return order;
    }

    private static void Visit(Template template, string id, HashSet<string> wanted, Dictionary<string, bool> state, List<string> order, List<string> path)
    {
        if (state.TryGetValue(id, out var done))
        {
            if (!done) throw AwsError.Validation($"Circular dependency between resources: [{string.Join(", ", path.SkipWhile(p => p != id))}]");
            return;
        }
        state[id] = false;
        path.Add(id);
        foreach (var dep in Dependencies(template, template.Resources[id]))
            if (wanted.Contains(dep)) Visit(template, dep, wanted, state, order, path);
        path.RemoveAt(path.Count - 1);
        state[id] = true;
        order.Add(id);
    }
}
