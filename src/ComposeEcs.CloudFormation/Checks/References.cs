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
            if (value is not MapExpr resource) continue;
            var ctx = new Walker("Resources", id, found, $"Resources.{id}");
            foreach (var (key, item) in resource.Entries)
            {
                switch (key, item)
                {
                    case ("Type", _): break;
                    case ("Condition", Str c): ctx.At(key).Add(ReferenceKind.Condition, "Condition", c.Value).Up(); break;
                    case ("DependsOn", Str d): ctx.At(key).Add(ReferenceKind.DependsOn, "DependsOn", d.Value).Up(); break;
                    case ("DependsOn", ListExpr list):
                        for (var i = 0; i < list.Items.Length; i++)
                            if (list.Items[i] is Str s) ctx.At(key).At(i).Add(ReferenceKind.DependsOn, "DependsOn", s.Value).Up().Up();
                        break;
                    default: ctx.At(key).Walk(item).Up(); break;
                }
            }
        }
        foreach (var (id, value) in Section(tree, "Outputs"))
        {
            if (value is not MapExpr output) continue;
            var ctx = new Walker("Outputs", id, found, $"Outputs.{id}");
            foreach (var (key, item) in output.Entries)
            {
                if (key == "Condition" && item is Str c) ctx.At(key).Add(ReferenceKind.Condition, "Condition", c.Value).Up();
                else ctx.At(key).Walk(item).Up();
            }
        }
        foreach (var (id, value) in Section(tree, "Conditions"))
            new Walker("Conditions", id, found, $"Conditions.{id}", InConditions: true).Walk(value);
        return found.ToImmutable();
    }

    internal static ImmutableArray<KeyValuePair<string, Expr>> Section(MapExpr tree, string name) =>
        tree[name] is MapExpr section ? section.Entries : [];

    /// <summary>
    /// Walks one item, keeping where it is as one growing and shrinking path: the text of a path is made only for a
    /// reference found, not for every node visited (a string per node made a 4,000-resource template allocate hundreds of MB).
    /// </summary>
    private sealed class Walker(string Section, string Item, ImmutableArray<Reference>.Builder Found, string root, bool InConditions = false)
    {
        private readonly System.Text.StringBuilder _path = new(root);
        private readonly Stack<int> _lengths = new();

        public Walker At(string key)
        {
            _lengths.Push(_path.Length);
            _path.Append('.').Append(key);
            return this;
        }

        public Walker At(int index)
        {
            _lengths.Push(_path.Length);
            _path.Append('[').Append(index).Append(']');
            return this;
        }

        public Walker Up()
        {
            _path.Length = _lengths.Pop();
            return this;
        }

        public Walker Add(ReferenceKind kind, string via, string target)
        {
            Found.Add(new Reference(Section, Item, _path.ToString(), kind, via, target));
            return this;
        }

        public Walker Walk(Expr node)
        {
            if (node is ListExpr list)
            {
                for (var i = 0; i < list.Items.Length; i++) At(i).Walk(list.Items[i]).Up();
                return this;
            }
            if (node is not MapExpr map) return this;
            if (map.Entries.Length == 1)
            {
                At(map.Entries[0].Key);
                var understood = Function(map.Entries[0].Key, map.Entries[0].Value);
                Up();
                if (understood) return this;
            }
            foreach (var (key, value) in map.Entries) At(key).Walk(value).Up();
            return this;
        }

        /// <summary>Records the reference an intrinsic makes; false when the map is not one it understands.</summary>
        private bool Function(string key, Expr value)
        {
            switch (key, value)
            {
                case ("Ref", Str target):
                    Add(ReferenceKind.Ref, "Ref", target.Value);
                    return true;
                case ("Fn::GetAtt", Str dotted):
                    Add(ReferenceKind.GetAtt, "Fn::GetAtt", dotted.Value.Split('.')[0]);
                    return true;
                case ("Fn::GetAtt", ListExpr { Items: [Str target, var attribute] }):
                    Add(ReferenceKind.GetAtt, "Fn::GetAtt", target.Value);
                    At(1).Walk(attribute).Up();
                    return true;
                case ("Fn::Sub", Str text):
                    SubReferences(text.Value, ImmutableHashSet<string>.Empty);
                    return true;
                case ("Fn::Sub", ListExpr { Items: [Str text, MapExpr variables] }):
                    SubReferences(text.Value, variables.Entries.Select(e => e.Key).ToImmutableHashSet());
                    At(1).Walk(variables).Up();
                    return true;
                case ("Fn::If", ListExpr { Items: [Str condition, ..] } args):
                    Add(ReferenceKind.Condition, "Fn::If", condition.Value);
                    for (var i = 1; i < args.Items.Length; i++) At(i).Walk(args.Items[i]).Up();
                    return true;
                case ("Condition", Str condition) when InConditions:
                    Add(ReferenceKind.Condition, "Condition", condition.Value);
                    return true;
                default:
                    return false;
            }
        }

        private void SubReferences(string text, ImmutableHashSet<string> variables)
        {
            foreach (var name in SubVariables(text))
            {
                if (variables.Contains(name)) continue;
                var dot = name.IndexOf('.');
                if (dot < 0) Add(ReferenceKind.Ref, "Fn::Sub", name);
                else if (!variables.Contains(name[..dot])) Add(ReferenceKind.GetAtt, "Fn::Sub", name[..dot]);
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
