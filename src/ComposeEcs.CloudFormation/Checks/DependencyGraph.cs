using System.Collections.Immutable;

namespace ComposeEcs.CloudFormation;

/// <summary>
/// Which resources each resource needs first, from its <c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c> and
/// <c>DependsOn</c> references to other resources (references to parameters, pseudo parameters and conditions
/// are not edges).
/// </summary>
public sealed class DependencyGraph
{
    private DependencyGraph(ImmutableSortedDictionary<string, ImmutableSortedSet<string>> dependencies, ImmutableArray<Reference> references)
    {
        Dependencies = dependencies;
        References = references;
    }

    /// <summary>Every resource's logical id mapped to the resources it refers to, both sorted.</summary>
    public ImmutableSortedDictionary<string, ImmutableSortedSet<string>> Dependencies { get; }

    /// <summary>Every reference in the template, resolved or not, in the order found.</summary>
    public ImmutableArray<Reference> References { get; }

    public static DependencyGraph Of(MapExpr tree)
    {
        var references = CloudFormation.References.Find(tree);
        var resources = CloudFormation.References.Section(tree, "Resources").Select(e => e.Key).ToImmutableHashSet(StringComparer.Ordinal);
        // Grouped once: a scan of every reference per resource is quadratic (seconds at 1,000 services).
        var byResource = references
            .Where(r => r.Section == "Resources" && r.Kind != ReferenceKind.Condition && resources.Contains(r.Target))
            .ToLookup(r => r.Item, r => r.Target, StringComparer.Ordinal);
        var dependencies = resources.ToImmutableSortedDictionary(
            id => id,
            id => byResource[id].ToImmutableSortedSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new DependencyGraph(dependencies, references);
    }

    /// <summary>The same as <see cref="TemplateChecks.Problems"/>.</summary>
    public static IReadOnlyList<string> Check(MapExpr tree) => TemplateChecks.Problems(tree);

    public static ImmutableArray<string> TopologicalOrder(MapExpr tree) => Of(tree).TopologicalOrder();

    /// <summary>
    /// Resources with every dependency before its dependents; among resources that are ready at the same time,
    /// ordinal order. Resources on or behind a cycle come last, in ordinal order.
    /// </summary>
    public ImmutableArray<string> TopologicalOrder()
    {
        var waiting = Dependencies.ToDictionary(d => d.Key, d => d.Value.Count, StringComparer.Ordinal);
        var dependents = Dependencies.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (id, needs) in Dependencies)
            foreach (var need in needs) dependents[need].Add(id);
        var ready = new SortedSet<string>(waiting.Where(w => w.Value == 0).Select(w => w.Key), StringComparer.Ordinal);
        var order = ImmutableArray.CreateBuilder<string>(Dependencies.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var dependent in dependents[next])
                if (--waiting[dependent] == 0) ready.Add(dependent);
        }
        var emitted = order.ToHashSet(StringComparer.Ordinal);
        order.AddRange(Dependencies.Keys.Where(k => !emitted.Contains(k)));
        return order.ToImmutable();
    }

    /// <summary>One cycle per strongly connected group of resources, each starting at its smallest id and listed in edge order.</summary>
    public ImmutableArray<ImmutableArray<string>> Cycles()
    {
        var cycles = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var group in StronglyConnected())
        {
            var start = group.Min(StringComparer.Ordinal)!;
            if (group.Count == 1 && !Dependencies[start].Contains(start)) continue;
            cycles.Add(PathBack(start, group));
        }
        return cycles.ToImmutable();
    }

    /// <summary>A shortest path from <paramref name="start"/> back to itself inside <paramref name="group"/>.</summary>
    private ImmutableArray<string> PathBack(string start, IReadOnlySet<string> group)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in Dependencies[node].Where(group.Contains))
            {
                if (next == start)
                {
                    var path = new List<string> { node };
                    while (path[^1] != start) path.Add(parent[path[^1]]);
                    path.Reverse();
                    return [.. path];
                }
                if (parent.TryAdd(next, node)) queue.Enqueue(next);
            }
        }
        return [start];
    }

    /// <summary>Tarjan's algorithm, visiting nodes and edges in ordinal order so results are deterministic.</summary>
    private List<HashSet<string>> StronglyConnected()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var groups = new List<HashSet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Dependencies[node])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next)) low[node] = Math.Min(low[node], index[next]);
            }
            if (low[node] != index[node]) return;
            var group = new HashSet<string>(StringComparer.Ordinal);
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                group.Add(member);
            } while (member != node);
            groups.Add(group);
        }

        foreach (var node in Dependencies.Keys)
            if (!index.ContainsKey(node)) Visit(node);
        return groups;
    }
}
