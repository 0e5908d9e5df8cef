using System.Collections.Immutable;

namespace ComposeEcs.CloudFormation;

/// <summary>Checks a template tree for what CloudFormation would reject before creating anything.</summary>
public static class TemplateChecks
{
    /// <summary>
    /// Every problem found, as readable messages naming where it is; empty when the template is sound:
    /// <list type="bullet">
    /// <item>no resources, or a resource without a <c>Type</c>;</item>
    /// <item>a <c>Ref</c> (or <c>${X}</c> in <c>Fn::Sub</c>) to something that is neither a resource, a parameter
    /// nor a pseudo parameter (in <c>Conditions</c>: neither a parameter nor a pseudo parameter);</item>
    /// <item>a <c>Fn::GetAtt</c> (or <c>${X.Attr}</c>) or <c>DependsOn</c> naming anything but a resource;</item>
    /// <item>a <c>Condition</c> or <c>Fn::If</c> naming an undefined condition;</item>
    /// <item>a dependency cycle between resources, with its members in order;</item>
    /// <item>two listeners on one port of one load balancer;</item>
    /// <item>logical ids that are not 1-255 letters and digits, more than 200 parameters or 200 outputs.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<string> Problems(MapExpr tree) => [.. Run(tree).Select(p => p.Message)];

    /// <summary>The names of the checks, as <see cref="TemplateProblem.Check"/> gives them.</summary>
    public static readonly IReadOnlyList<string> CheckNames = ["resources", "references", "dependency-cycle", "duplicate-listener", "quotas"];

    /// <summary>As <see cref="Problems"/>, each with the name of the check that found it.</summary>
    public static IReadOnlyList<TemplateProblem> Run(MapExpr tree)
    {
        var problems = new List<TemplateProblem>();
        var resources = Names(tree, "Resources");
        var parameters = Names(tree, "Parameters");
        var conditions = Names(tree, "Conditions");
        if (resources.IsEmpty) problems.Add(new("resources", "Resources: a template needs at least one resource"));
        foreach (var (id, value) in References.Section(tree, "Resources"))
            if (value is not MapExpr resource || resource["Type"] is not Str)
                problems.Add(new("resources", $"Resources.{id}: has no Type"));

        var graph = DependencyGraph.Of(tree);
        foreach (var r in graph.References)
        {
            var problem = r.Kind switch
            {
                ReferenceKind.Ref when r.Section == "Conditions" && !parameters.Contains(r.Target) && !Pseudo.Names.Contains(r.Target) =>
                    $"{r.Via} to '{r.Target}', which is not a parameter or pseudo parameter (conditions cannot refer to resources)",
                ReferenceKind.Ref when !resources.Contains(r.Target) && !parameters.Contains(r.Target) && !Pseudo.Names.Contains(r.Target) =>
                    $"{r.Via} to '{r.Target}', which is not a resource, parameter or pseudo parameter",
                ReferenceKind.GetAtt or ReferenceKind.DependsOn when !resources.Contains(r.Target) =>
                    $"{r.Via} names '{r.Target}', which is not a resource",
                ReferenceKind.Condition when !conditions.Contains(r.Target) =>
                    $"{r.Via} names '{r.Target}', which is not a defined condition",
                _ => null,
            };
            if (problem is not null) problems.Add(new("references", $"{r.Path}: {problem}"));
        }
        foreach (var cycle in graph.Cycles())
            problems.Add(new("dependency-cycle", $"Resources: dependency cycle {string.Join(" -> ", cycle.Append(cycle[0]))}"));
        problems.AddRange(RuleChecks.DuplicateListeners(tree).Select(m => new TemplateProblem("duplicate-listener", m)));
        problems.AddRange(RuleChecks.Quotas(tree).Select(m => new TemplateProblem("quotas", m)));
        return problems;
    }

    private static ImmutableHashSet<string> Names(MapExpr tree, string section) =>
        References.Section(tree, section).Select(e => e.Key).ToImmutableHashSet(StringComparer.Ordinal);
}
