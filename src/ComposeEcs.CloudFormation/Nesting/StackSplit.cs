using System.Collections.Immutable;
using System.Text;

namespace ComposeEcs.CloudFormation.Nesting;

/// <param name="LogicalId">The <c>AWS::CloudFormation::Stack</c> resource of the parent that holds this template.</param>
/// <param name="FileName">Where <c>convert -o DIR</c> writes it; the parent's <c>TemplateURL</c> until <c>up</c> uploads it.</param>
public sealed record ChildTemplate(string LogicalId, string FileName, MapExpr Template);

/// <summary>A parent template whose <c>AWS::CloudFormation::Stack</c> resources hold the children.</summary>
public sealed record NestedTemplates(MapExpr Parent, ImmutableArray<ChildTemplate> Children)
{
    /// <summary>The parent with each child's TemplateURL replaced (by the S3 URL it was uploaded to).</summary>
    public MapExpr ParentWithUrls(IReadOnlyDictionary<string, string> urlByLogicalId) =>
        Map(Parent, ("Resources", Map((MapExpr)Parent["Resources"]!, [.. Children.Select(c =>
            (c.LogicalId, (Expr)Map((MapExpr)((MapExpr)Parent["Resources"]!)[c.LogicalId]!,
                ("Properties", Map((MapExpr)((MapExpr)((MapExpr)Parent["Resources"]!)[c.LogicalId]!)["Properties"]!, ("TemplateURL", urlByLogicalId[c.LogicalId]))))))])));

    internal static MapExpr Map(MapExpr map, params (string Key, Expr Value)[] replacements) =>
        new([.. map.Entries.Select(e => replacements.FirstOrDefault(r => r.Key == e.Key) is { Key: not null } r ? KeyValuePair.Create(e.Key, r.Value) : e)]);
}

/// <summary>
/// Splits a template past CloudFormation's per-stack quotas into a parent and nested stacks (see
/// <see cref="StackPartition"/> for which resource goes where). A pure function of the template tree: a child refers
/// to what lives elsewhere through parameters of the same name (<c>Ref: Cluster</c> stays <c>Ref: Cluster</c>;
/// <c>Fn::GetAtt [CloudMap, Id]</c> becomes <c>Ref: CloudMapId</c>) that the parent fills (with <c>Fn::GetAtt
/// [Child, Outputs.X]</c> for another child's resources); a <c>DependsOn</c> across stacks becomes one between the
/// parent's resources. Outputs that only read one child's resources move into it, so the parent stays under the
/// 200-output quota.
/// </summary>
public static class StackSplit
{
    /// <summary>Whether one stack cannot hold the template comfortably.</summary>
    public static bool IsNeeded(MapExpr tree, NestingLimits? limits = null)
    {
        limits ??= new NestingLimits();
        int Count(string section) => References.Section(tree, section).Length;
        return Count("Resources") > limits.Resources || Count("Parameters") > limits.ParametersOrOutputs
            || Count("Outputs") > limits.ParametersOrOutputs || Encoding.UTF8.GetByteCount(TemplateWriter.ToCompactJson(tree)) > limits.Bytes;
    }

    /// <summary>Null when there is nothing to split (no ECS services).</summary>
    public static NestedTemplates? Split(MapExpr tree, string fileExtension = "json", NestingLimits? limits = null)
    {
        var chunks = StackPartition.Chunks(tree, limits ?? new NestingLimits());
        if (chunks.IsEmpty) return null;
        var width = chunks.Length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var names = chunks.Select((_, i) => $"Services{(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(Math.Max(2, width), '0')}Stack").ToImmutableArray();
        return new SplitBuilder(tree, chunks, names, fileExtension).Build();
    }
}
