namespace ComposeEcs.CloudFormation;

/// <summary>One thing CloudFormation would refuse, and which check found it (<see cref="TemplateChecks.CheckNames"/>).</summary>
public sealed record TemplateProblem(string Check, string Message);

/// <summary>Checks beyond references and cycles: what CloudFormation or a resource handler refuses by rule.</summary>
internal static class RuleChecks
{
    /// <summary>CloudFormation's per-template quotas (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).</summary>
    public const int MaxLogicalIdLength = 255;

    /// <summary>
    /// Two listeners on one port of one load balancer: the second fails with <c>DuplicateListener</c>. Load balancers
    /// are compared by the expression naming them (the same <c>Ref</c> or the same ARN).
    /// </summary>
    public static IEnumerable<string> DuplicateListeners(MapExpr tree)
    {
        var seen = new Dictionary<(Expr LoadBalancer, string Port), string>();
        foreach (var (id, value) in References.Section(tree, "Resources"))
        {
            if (value is not MapExpr resource || resource["Type"] != new Str("AWS::ElasticLoadBalancingV2::Listener")) continue;
            if (resource["Properties"] is not MapExpr properties || properties["LoadBalancerArn"] is not { } lb) continue;
            var port = properties["Port"] switch { Num n => n.Text, Str s => s.Value, _ => null };
            if (port is null) continue;
            if (seen.TryGetValue((lb, port), out var first))
                yield return $"Resources.{id}: a second listener on port {port} of the load balancer of Resources.{first} (DuplicateListener)";
            else seen[(lb, port)] = id;
        }
    }

    /// <summary>
    /// Logical ids are letters and digits, at most 255. The counts (200 parameters, 200 outputs, 500 resources) are per
    /// stack: a project past them is split into nested stacks each well inside them (Nesting), so they are not checked
    /// on the whole project's template here.
    /// </summary>
    public static IEnumerable<string> Quotas(MapExpr tree)
    {
        foreach (var section in new[] { "Parameters", "Resources", "Outputs", "Conditions" })
            foreach (var (id, _) in References.Section(tree, section))
                if (id.Length is 0 or > MaxLogicalIdLength || !id.All(char.IsAsciiLetterOrDigit))
                    yield return $"{section}.{Shown(id)}: a logical id must be 1 to {MaxLogicalIdLength} letters and digits";
    }

    private static string Shown(string id) => id.Length <= 80 ? id : id[..77] + "...";
}
