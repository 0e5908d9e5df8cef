using System.Collections.Immutable;

namespace ComposeEcs.CloudFormation;

/// <summary>What a reference must name: see <see cref="TemplateChecks"/> for the rule per kind.</summary>
public enum ReferenceKind
{
    /// <summary><c>Ref</c>, or <c>${X}</c> in <c>Fn::Sub</c>: a resource, a parameter or a pseudo parameter.</summary>
    Ref,
    /// <summary><c>Fn::GetAtt</c> (list or <c>"A.B"</c> form), or <c>${X.Attr}</c> in <c>Fn::Sub</c>: a resource.</summary>
    GetAtt,
    /// <summary>A resource's <c>DependsOn</c>: a resource.</summary>
    DependsOn,
    /// <summary>A <c>Condition</c> key, <c>Fn::If</c>'s first argument, or <c>{ Condition: X }</c> in a condition: a condition.</summary>
    Condition,
}

/// <param name="Section">The top-level section the reference is in: <c>Resources</c>, <c>Outputs</c> or <c>Conditions</c>.</param>
/// <param name="Item">The logical id of the resource, output or condition holding the reference.</param>
/// <param name="Path">Where it is, dotted from the root, such as <c>Resources.Web.Properties.Cluster</c>.</param>
/// <param name="Via">How it is written: <c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c>, <c>Fn::If</c>, <c>DependsOn</c> or <c>Condition</c>.</param>
public sealed record Reference(string Section, string Item, string Path, ReferenceKind Kind, string Via, string Target);

/// <summary>Finds every reference in a template tree.</summary>
public static class References
{
    public static ImmutableArray<Reference> Find(MapExpr tree)
    {
        var found = ImmutableArray.CreateBuilder<Reference>();
        foreach (var (id, value) in Section(tree, "Resources"))
        {
            var ctx = new Walker("Resources", id, found);
            var path = $"Resources.{id}";
            if (value is not MapExpr resource) continue;
            foreach (var (key, item) in resource.Entries)
            {
                switch (key, item)
                {
                    case ("Type", _): break;
                    case ("Condition", Str c): ctx.Add($"{path}.Condition", ReferenceKind.Condition, "Condition", c.Value); break;
                    case ("DependsOn", Str d): ctx.Add($"{path}.DependsOn", ReferenceKind.DependsOn, "DependsOn", d.Value); break;
                    case ("DependsOn", ListExpr list):
                        for (var i = 0; i < list.Items.Length; i++)
                            if (list.Items[i] is Str s) ctx.Add($"{path}.DependsOn[{i}]", ReferenceKind.DependsOn, "DependsOn", s.Value);
                        break;
                    default: ctx.Walk(item, $"{path}.{key}"); break;
                }
            }
        }
        foreach (var (id, value) in Section(tree, "Outputs"))
        {
            var ctx = new Walker("Outputs", id, found);
            if (value is not MapExpr output) continue;
            foreach (var (key, item) in output.Entries)
            {
                if (key == "Condition" && item is Str c) ctx.Add($"Outputs.{id}.Condition", ReferenceKind.Condition, "Condition", c.Value);
                else ctx.Walk(item, $"Outputs.{id}.{key}");
            }
        }
        foreach (var (id, value) in Section(tree, "Conditions"))
            new Walker("Conditions", id, found, InConditions: true).Walk(value, $"Conditions.{id}");
        return found.ToImmutable();
    }

    internal static ImmutableArray<KeyValuePair<string, Expr>> Section(MapExpr tree, string name) =>
        tree[name] is MapExpr section ? section.Entries : [];

    private sealed record Walker(string Section, string Item, ImmutableArray<Reference>.Builder Found, bool InConditions = false)
    {
        public void Add(string path, ReferenceKind kind, string via, string target) =>
            Found.Add(new Reference(Section, Item, path, kind, via, target));

        public void Walk(Expr node, string path)
        {
            if (node is ListExpr list)
            {
                for (var i = 0; i < list.Items.Length; i++) Walk(list.Items[i], $"{path}[{i}]");
                return;
            }
            if (node is not MapExpr map) return;
            if (map.Entries.Length == 1 && Function(map.Entries[0].Key, map.Entries[0].Value, $"{path}.{map.Entries[0].Key}")) return;
            foreach (var (key, value) in map.Entries) Walk(value, $"{path}.{key}");
        }

        /// <summary>Records the reference an intrinsic makes; false when the map is not one it understands.</summary>
        private bool Function(string key, Expr value, string path)
        {
            switch (key, value)
            {
                case ("Ref", Str target):
                    Add(path, ReferenceKind.Ref, "Ref", target.Value);
                    return true;
                case ("Fn::GetAtt", Str dotted):
                    Add(path, ReferenceKind.GetAtt, "Fn::GetAtt", dotted.Value.Split('.')[0]);
                    return true;
                case ("Fn::GetAtt", ListExpr { Items: [Str target, var attribute] }):
                    Add(path, ReferenceKind.GetAtt, "Fn::GetAtt", target.Value);
                    Walk(attribute, $"{path}[1]");
                    return true;
                case ("Fn::Sub", Str text):
                    SubReferences(text.Value, path, ImmutableHashSet<string>.Empty);
                    return true;
                case ("Fn::Sub", ListExpr { Items: [Str text, MapExpr variables] }):
                    SubReferences(text.Value, path, variables.Entries.Select(e => e.Key).ToImmutableHashSet());
                    Walk(variables, $"{path}[1]");
                    return true;
                case ("Fn::If", ListExpr { Items: [Str condition, ..] } args):
                    Add(path, ReferenceKind.Condition, "Fn::If", condition.Value);
                    for (var i = 1; i < args.Items.Length; i++) Walk(args.Items[i], $"{path}[{i}]");
                    return true;
                case ("Condition", Str condition) when InConditions:
                    Add(path, ReferenceKind.Condition, "Condition", condition.Value);
                    return true;
                default:
                    return false;
            }
        }

        private void SubReferences(string text, string path, ImmutableHashSet<string> variables)
        {
            foreach (var name in SubVariables(text))
            {
                if (variables.Contains(name)) continue;
                var dot = name.IndexOf('.');
                if (dot < 0) Add(path, ReferenceKind.Ref, "Fn::Sub", name);
                else if (!variables.Contains(name[..dot])) Add(path, ReferenceKind.GetAtt, "Fn::Sub", name[..dot]);
            }
        }
    }

    /// <summary>The names in <c>${...}</c> placeholders of an <c>Fn::Sub</c> string; <c>${!Literal}</c> is skipped.</summary>
    public static IEnumerable<string> SubVariables(string text)
    {
        var at = 0;
        while ((at = text.IndexOf("${", at, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', at + 2);
            if (end < 0) yield break;
            var name = text[(at + 2)..end].Trim();
            if (!name.StartsWith('!') && name.Length > 0) yield return name;
            at = end + 1;
        }
    }
}
