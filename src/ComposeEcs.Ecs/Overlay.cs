using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// The top-level <c>x-aws-cloudformation</c>: a partial template deep-merged over the generated one last (maps merge,
/// scalars and lists replace, <c>null</c> deletes; see <see cref="TreeMerge.Merge"/>), so any property of any
/// generated resource can be patched and new parameters, resources or outputs added. The merge happens on the tree
/// (<see cref="Template.Overlay"/>, applied by <see cref="TemplateTree.ToTree"/>), so YAML and JSON output both carry
/// it, and so do keys the typed <see cref="Template"/> has no field for (<c>Mappings</c>, <c>Metadata</c>, ...).
/// </summary>
internal static class Overlay
{
    /// <summary>Finish step: attach the overlay; new resources must say their Type.</summary>
    public static Result<Template> Finish(TransformContext context, Template template)
    {
        if (context.Aws.Overlay is not { } settings) return new(template, []);
        var overlay = (MapExpr)PlainData.ToExpr(settings.Template);
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        if (overlay["Resources"] is MapExpr resources)
            foreach (var (id, resource) in resources.Entries)
                if (resource is MapExpr r && !template.Resources.ContainsKey(id) && r["Type"] is not Str)
                    diagnostics = diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Overlay, $"{AwsExtensions.CloudFormation}: Resources.{id}: is not a generated resource, so it needs a Type", settings.ResourceLocations.GetValueOrDefault(id)));
        return diagnostics.IsEmpty ? new(template with { Overlay = TypeFirst(overlay, template) }, []) : new(null, diagnostics);
    }

    /// <summary>New resources read best with <c>Type</c> first, as generated ones are written.</summary>
    private static MapExpr TypeFirst(MapExpr overlay, Template template)
    {
        if (overlay["Resources"] is not MapExpr resources) return overlay;
        var ordered = resources.Entries.Select(e => e.Value is MapExpr r && !template.Resources.ContainsKey(e.Key) && r["Type"] is { } type
            ? KeyValuePair.Create(e.Key, (Expr)new MapExpr([KeyValuePair.Create("Type", type), .. r.Entries.Where(x => x.Key != "Type")]))
            : e);
        return new MapExpr([.. overlay.Entries.Select(e => e.Key == "Resources" ? KeyValuePair.Create(e.Key, (Expr)new MapExpr([.. ordered])) : e)]);
    }
}
