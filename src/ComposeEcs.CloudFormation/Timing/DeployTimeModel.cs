using System.Collections.Immutable;
using static ComposeEcs.CloudFormation.Timing.TemplateValues;

namespace ComposeEcs.CloudFormation.Timing;

/// <summary>One resource on a critical path: its own modeled time and, for an ECS service, what it waits for.</summary>
public sealed record PathStep(string Id, string Type, double Seconds, ImmutableArray<Wait> Waits);

/// <summary>A modeled operation: its total time and the chain of resources that sets it.</summary>
public sealed record TimedPath(string Operation, double Total, ImmutableArray<PathStep> Steps);

/// <summary>First deploy, the slowest update of a single service (a new image), and teardown, as modeled.</summary>
public sealed record DeployTimes(TimedPath FirstDeploy, TimedPath? ServiceUpdate, TimedPath Teardown);

/// <summary>
/// Models how long CloudFormation takes on a template: resources start as soon as everything they reference
/// (<c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c>) or <c>DependsOn</c> is done, each takes its <see cref="ResourceTimes"/>
/// time (an ECS service: <see cref="EcsServiceTime"/>), and the longest chain is the operation's time. Deletion runs the
/// same graph backwards. Creating the change set and waiting for it comes first on create and update.
/// </summary>
public static class DeployTimeModel
{
    /// <summary>CreateChangeSet until CREATE_COMPLETE, then ExecuteChangeSet: typically 10 s [cfn].</summary>
    public const double ChangeSet = 10;

    public static DeployTimes Explain(MapExpr tree)
    {
        var graph = DependencyGraph.Of(tree).Dependencies;
        var resources = TemplateValues.Resources(tree);
        MapExpr Res(string id) => resources[id] as MapExpr ?? MapExpr.Empty;

        ImmutableArray<Wait> Waits(string id, ResourceOperation operation) => ResourceDurations.Waits(tree, id, operation);
        double Seconds(string id, ResourceOperation operation) => ResourceDurations.Seconds(tree, id, operation);

        TimedPath Timed(string operation, IReadOnlyDictionary<string, ImmutableSortedSet<string>> waitsFor, ResourceOperation phase, double overhead)
        {
            var result = CriticalPath.Of(waitsFor, id => Seconds(id, phase));
            var steps = result.Path.Select(id => new PathStep(id, Type(Res(id)), Seconds(id, phase), Waits(id, phase)));
            return new TimedPath(operation, overhead + result.Total,
                overhead > 0 ? [new PathStep("(change set)", "", overhead, []), .. steps] : [.. steps]);
        }

        var create = Timed("first deploy", graph, ResourceOperation.Create, ChangeSet);
        var teardown = Timed("teardown", CriticalPath.Reversed(graph), ResourceOperation.Delete, 0);
        var update = ServiceUpdates(tree, graph)
            .Select(u => Timed($"update of {u.Service}", u.Changed, ResourceOperation.Update, ChangeSet))
            .OrderByDescending(p => p.Total).ThenBy(p => p.Operation, StringComparer.Ordinal).FirstOrDefault();
        return new DeployTimes(create, update, teardown);
    }

    /// <summary>
    /// For each ECS service, what a new image changes: its task definition (replaced, so its reference changes) and the
    /// resources that refer to that task definition; the graph restricted to them.
    /// </summary>
    private static IEnumerable<(string Service, ImmutableSortedDictionary<string, ImmutableSortedSet<string>> Changed)> ServiceUpdates(
        MapExpr tree, ImmutableSortedDictionary<string, ImmutableSortedSet<string>> graph)
    {
        var references = References.Find(tree).Where(r => r.Section == "Resources" && r.Kind is ReferenceKind.Ref or ReferenceKind.GetAtt).ToList();
        foreach (var (id, value) in TemplateValues.Resources(tree).Entries)
        {
            if (value is not MapExpr service || Type(service) != "AWS::ECS::Service") continue;
            if (Target(Properties(service)["TaskDefinition"]) is not { } taskDefinition || !graph.ContainsKey(taskDefinition)) continue;
            var changed = references.Where(r => r.Target == taskDefinition).Select(r => r.Item).Append(taskDefinition).ToHashSet(StringComparer.Ordinal);
            yield return (id, changed.ToImmutableSortedDictionary(c => c, c => graph[c].Where(changed.Contains).ToImmutableSortedSet(StringComparer.Ordinal), StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// The template as it would be with AWS's target group and service defaults: the health check timing, draining and
    /// grace period that <c>TargetHealth</c> sets are removed, so <see cref="Explain"/> gives the "before" figures.
    /// </summary>
    public static MapExpr WithAwsDefaults(MapExpr tree)
    {
        string[] tuned = ["HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds", "HealthyThresholdCount", "UnhealthyThresholdCount", "TargetGroupAttributes", "HealthCheckGracePeriodSeconds"];
        var resources = TemplateValues.Resources(tree).Entries.Select(e =>
        {
            if (e.Value is not MapExpr resource || Type(resource) is not ("AWS::ElasticLoadBalancingV2::TargetGroup" or "AWS::ECS::Service")) return e;
            var properties = new MapExpr([.. Properties(resource).Entries.Where(p => !tuned.Contains(p.Key))]);
            return KeyValuePair.Create(e.Key, (Expr)new MapExpr([.. resource.Entries.Select(r => r.Key == "Properties" ? KeyValuePair.Create(r.Key, (Expr)properties) : r)]));
        });
        return new MapExpr([.. tree.Entries.Select(e => e.Key == "Resources" ? KeyValuePair.Create(e.Key, (Expr)new MapExpr([.. resources])) : e)]);
    }
}
