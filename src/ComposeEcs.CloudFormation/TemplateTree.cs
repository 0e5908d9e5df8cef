using System.Collections.Immutable;

namespace ComposeEcs.CloudFormation;

/// <summary>Turns a <see cref="Template"/> into the plain tree the writers, the graph check and overlays work on.</summary>
public static class TemplateTree
{
    public static MapExpr ToTree(this Template template)
    {
        var sections = new List<(string, Expr)> { ("AWSTemplateFormatVersion", "2010-09-09") };
        if (template.Description is { } description) sections.Add(("Description", description));
        AddSection(sections, "Parameters", template.Parameters, ParameterTree);
        AddSection(sections, "Conditions", template.Conditions, c => c);
        AddSection(sections, "Resources", template.Resources, ResourceTree);
        AddSection(sections, "Outputs", template.Outputs, OutputTree);
        var tree = new MapExpr(sections.ToArray());
        return template.Overlay is { } overlay ? TreeMerge.Merge(tree, overlay) : tree;
    }

    private static void AddSection<T>(List<(string, Expr)> sections, string name, ImmutableSortedDictionary<string, T> items, Func<T, Expr> convert)
    {
        if (items.IsEmpty) return;
        sections.Add((name, new MapExpr(items.Select(i => KeyValuePair.Create(i.Key, convert(i.Value))).ToImmutableArray())));
    }

    private static Expr ResourceTree(Resource resource)
    {
        var entries = new List<(string, Expr)> { ("Type", resource.Type) };
        if (resource.Condition is { } condition) entries.Add(("Condition", condition));
        if (!resource.DependsOn.IsEmpty)
            entries.Add(("DependsOn", new ListExpr(resource.DependsOn.Distinct().Order(StringComparer.Ordinal).Select(d => (Expr)d).ToImmutableArray())));
        if (resource.DeletionPolicy is { } deletion) entries.Add(("DeletionPolicy", deletion));
        if (resource.UpdateReplacePolicy is { } replace) entries.Add(("UpdateReplacePolicy", replace));
        if (!resource.Properties.Entries.IsEmpty) entries.Add(("Properties", resource.Properties));
        return new MapExpr(entries.ToArray());
    }

    private static Expr ParameterTree(Parameter p)
    {
        var entries = new List<(string, Expr)> { ("Type", p.Type) };
        if (p.Description is { } d) entries.Add(("Description", d));
        if (p.Default is { } def) entries.Add(("Default", def));
        if (p.NoEcho) entries.Add(("NoEcho", true));
        if (!p.AllowedValues.IsEmpty) entries.Add(("AllowedValues", new ListExpr(p.AllowedValues.Select(v => (Expr)v).ToImmutableArray())));
        if (p.AllowedPattern is { } pattern) entries.Add(("AllowedPattern", pattern));
        if (p.MinLength is { } min) entries.Add(("MinLength", min));
        if (p.ConstraintDescription is { } cd) entries.Add(("ConstraintDescription", cd));
        return new MapExpr(entries.ToArray());
    }

    private static Expr OutputTree(Output o)
    {
        var entries = new List<(string, Expr)>();
        if (o.Description is { } d) entries.Add(("Description", d));
        if (o.Condition is { } c) entries.Add(("Condition", c));
        entries.Add(("Value", o.Value));
        if (o.ExportName is { } name) entries.Add(("Export", new MapExpr(("Name", name))));
        return new MapExpr(entries.ToArray());
    }
}
