using System.Collections.Immutable;

namespace ComposeEcs.CloudFormation.Timing;

/// <summary>The longest chain of a dependency graph, each node taking its own time once all it waits for are done.</summary>
/// <param name="Total">When the last node finishes, in seconds from the start.</param>
/// <param name="Path">The chain that sets <see cref="Total"/>, first node first.</param>
/// <param name="Finish">When each node finishes.</param>
public sealed record CriticalPathResult(double Total, ImmutableArray<string> Path, ImmutableSortedDictionary<string, double> Finish);

public static class CriticalPath
{
    /// <summary>
    /// Earliest finish of every node (its duration after the latest of the nodes it waits for), and the chain behind
    /// the latest one. Ties go to the ordinally smallest id, so the result is deterministic; a node on a cycle waits
    /// only for the nodes reached before it (CloudFormation would refuse such a template anyway).
    /// </summary>
    public static CriticalPathResult Of(IReadOnlyDictionary<string, ImmutableSortedSet<string>> waitsFor, Func<string, double> duration)
    {
        var finish = new Dictionary<string, double>(StringComparer.Ordinal);
        var before = new Dictionary<string, string?>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);

        double Visit(string node)
        {
            if (finish.TryGetValue(node, out var done)) return done;
            visiting.Add(node);
            string? latest = null;
            var start = 0.0;
            foreach (var need in waitsFor.GetValueOrDefault(node) ?? [])
            {
                if (!waitsFor.ContainsKey(need) || visiting.Contains(need)) continue;
                var at = Visit(need);
                if (at > start || latest is null && at >= start) (start, latest) = (at, need);
            }
            visiting.Remove(node);
            before[node] = latest;
            return finish[node] = start + duration(node);
        }

        foreach (var node in waitsFor.Keys.Order(StringComparer.Ordinal)) Visit(node);
        if (finish.Count == 0) return new(0, [], ImmutableSortedDictionary<string, double>.Empty);
        var last = finish.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
        var path = new List<string>();
        for (string? at = last; at is not null && !path.Contains(at); at = before[at]) path.Add(at);
        path.Reverse();
        return new(finish[last], [.. path], finish.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>The same graph with every edge turned round: deletion, where a resource goes after everything that needs it.</summary>
    public static ImmutableSortedDictionary<string, ImmutableSortedSet<string>> Reversed(IReadOnlyDictionary<string, ImmutableSortedSet<string>> waitsFor)
    {
        var reversed = waitsFor.Keys.ToDictionary(k => k, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (node, needs) in waitsFor)
            foreach (var need in needs.Where(reversed.ContainsKey)) reversed[need].Add(node);
        return reversed.ToImmutableSortedDictionary(e => e.Key, e => e.Value.ToImmutableSortedSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
