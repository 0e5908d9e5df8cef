using System.Collections.Immutable;

namespace ComposeEcs.CloudFormation.Nesting;

/// <summary>How big a nested template may grow: well inside CloudFormation's 500 resources, 200 parameters and outputs, 1 MB.</summary>
public sealed record NestingLimits(int ChildResources = 200, int ChildParameters = 100, int ChildBytes = 400_000)
{
    /// <summary>Past these a template is split: 450 resources, 180 parameters or outputs, 900,000 bytes of compact JSON.</summary>
    public int Resources { get; init; } = 450;
    public int ParametersOrOutputs { get; init; } = 180;
    public int Bytes { get; init; } = 900_000;
}

/// <summary>
/// Which resources go to which nested stack. Every <c>AWS::ECS::Service</c> seeds a group: itself and what it needs
/// (through Ref, GetAtt, Sub and DependsOn, not crossing into another ECS service) that no other service needs. What two
/// services share, or none needs, stays in the parent (cluster, networks, load balancer, namespace, log group, file
/// systems); a parent resource that needs a group's resources (a listener of one service's target group) joins that
/// group (the last one, when it needs several). Groups are ordered so each comes after the groups it needs, then cut
/// into consecutive chunks: a chunk only needs chunks before it, so nested stacks never wait on each other in a circle.
/// </summary>
internal static class StackPartition
{
    /// <summary>The chunks, each the logical ids of its resources; resources in no chunk stay in the parent.</summary>
    public static ImmutableArray<ImmutableArray<string>> Chunks(MapExpr tree, NestingLimits limits)
    {
        var graph = DependencyGraph.Of(tree);
        var deps = graph.Dependencies;
        var types = References.Section(tree, "Resources").ToDictionary(e => e.Key, e => (e.Value as MapExpr)?["Type"] is Str t ? t.Value : "", StringComparer.Ordinal);
        var order = graph.TopologicalOrder();
        var position = order.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var seeds = order.Where(id => types[id] == "AWS::ECS::Service").ToList();
        if (seeds.Count == 0) return [];

        var reach = deps.Keys.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            var stack = new Stack<string>([seed]);
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                if (!reach[id].Add(seed)) continue;
                foreach (var need in deps[id])
                    if (types[need] != "AWS::ECS::Service") stack.Push(need);
            }
        }
        var owner = reach.Where(r => r.Value.Count == 1).ToDictionary(r => r.Key, r => r.Value.First(), StringComparer.Ordinal);
        foreach (var seed in seeds) owner[seed] = seed;

        // Parent resources needing a group's resources join that group, until nothing moves.
        for (var moved = true; moved;)
        {
            moved = false;
            foreach (var id in order.Where(id => !owner.ContainsKey(id)))
            {
                var groups = deps[id].Where(owner.ContainsKey).Select(d => owner[d]).Distinct().ToList();
                if (groups.Count == 0) continue;
                owner[id] = groups.MaxBy(g => position[g])!;
                moved = true;
            }
        }

        // One pass over the order (a scan of it per seed is quadratic: most of a second at 1,000 services).
        var members = seeds.ToDictionary(s => s, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var id in order)
            if (owner.TryGetValue(id, out var group)) members[group].Add(id);
        var needs = seeds.ToDictionary(s => s,
            s => members[s].SelectMany(id => deps[id]).Where(owner.ContainsKey).Select(d => owner[d]).Where(g => g != s).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        return Cut(GroupOrder(seeds, needs), members, deps, owner, limits);
    }

    /// <summary>Groups after the groups they need; ties in seed order. A cycle is a bug in the template's shape.</summary>
    private static List<string> GroupOrder(List<string> seeds, Dictionary<string, HashSet<string>> needs)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        while (ordered.Count < seeds.Count)
        {
            var next = seeds.FirstOrDefault(s => !done.Contains(s) && needs[s].All(done.Contains))
                ?? throw new InvalidOperationException($"the services' resources depend on each other in a circle ({string.Join(", ", seeds.Where(s => !done.Contains(s)))}); they cannot be split into nested stacks");
            done.Add(next);
            ordered.Add(next);
        }
        return ordered;
    }

    private static ImmutableArray<ImmutableArray<string>> Cut(List<string> groups, Dictionary<string, List<string>> members,
        ImmutableSortedDictionary<string, ImmutableSortedSet<string>> deps, Dictionary<string, string> owner, NestingLimits limits)
    {
        var chunks = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var current = new Chunk(deps);
        foreach (var group in groups)
        {
            if (current.Members.Count > 0 && (current.Members.Count + members[group].Count > limits.ChildResources || current.ExternalNeedsWith(members[group]) > limits.ChildParameters))
            {
                chunks.Add([.. current.Members]);
                current = new Chunk(deps);
            }
            current.Add(members[group]);
        }
        if (current.Members.Count > 0) chunks.Add([.. current.Members]);
        return chunks.ToImmutable();
    }

    /// <summary>
    /// A chunk being filled, with the resources outside it that it refers to (an estimate of its parameters), kept up
    /// to date as groups join: recounting the whole chunk per group made cutting 1,000 services a quarter of a second.
    /// </summary>
    private sealed class Chunk(ImmutableSortedDictionary<string, ImmutableSortedSet<string>> deps)
    {
        private readonly HashSet<string> _inside = new(StringComparer.Ordinal);
        private readonly HashSet<string> _outside = new(StringComparer.Ordinal);

        public List<string> Members { get; } = [];

        public int ExternalNeedsWith(List<string> group)
        {
            var joining = group.ToHashSet(StringComparer.Ordinal);
            var added = group.SelectMany(id => deps[id]).Where(d => !_inside.Contains(d) && !joining.Contains(d) && !_outside.Contains(d)).Distinct().Count();
            return _outside.Count(d => !joining.Contains(d)) + added;
        }

        public void Add(List<string> group)
        {
            Members.AddRange(group);
            foreach (var id in group)
            {
                _inside.Add(id);
                _outside.Remove(id);
            }
            foreach (var d in group.SelectMany(id => deps[id]))
                if (!_inside.Contains(d)) _outside.Add(d);
        }
    }
}
