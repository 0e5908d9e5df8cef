using System.Collections.Immutable;

namespace ComposeEcs.CloudFormation.Nesting;

/// <summary>Builds the parent and child templates for <see cref="StackSplit"/> from the partition.</summary>
internal sealed class SplitBuilder
{
    private const int Parent = -1;
    private readonly MapExpr _tree;
    private readonly ImmutableArray<ImmutableArray<string>> _chunks;
    private readonly ImmutableArray<string> _names;
    private readonly string _extension;
    private readonly Dictionary<string, int> _home = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MapExpr> _resources;
    private readonly Dictionary<string, MapExpr> _parameters;
    private readonly Dictionary<string, Expr> _conditions;
    private readonly HashSet<string> _ids;
    private readonly Child[] _children;

    private sealed class Child
    {
        public SortedDictionary<string, Expr> Parameters { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, Expr> Values { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> DependsOn { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, Expr> Outputs { get; } = new(StringComparer.Ordinal);
        public List<KeyValuePair<string, Expr>> Resources { get; } = [];
    }

    public SplitBuilder(MapExpr tree, ImmutableArray<ImmutableArray<string>> chunks, ImmutableArray<string> names, string extension)
    {
        (_tree, _chunks, _names, _extension) = (tree, chunks, names, extension);
        _resources = References.Section(tree, "Resources").ToDictionary(e => e.Key, e => (MapExpr)e.Value, StringComparer.Ordinal);
        _parameters = References.Section(tree, "Parameters").ToDictionary(e => e.Key, e => (MapExpr)e.Value, StringComparer.Ordinal);
        _conditions = References.Section(tree, "Conditions").ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        _ids = [.. _resources.Keys, .. _parameters.Keys, .. names];
        for (var i = 0; i < chunks.Length; i++)
            foreach (var id in chunks[i]) _home[id] = i;
        _children = [.. chunks.Select(_ => new Child())];
    }

    private int Home(string id) => _home.GetValueOrDefault(id, Parent);

    public NestedTemplates Build()
    {
        for (var c = 0; c < _chunks.Length; c++)
            foreach (var id in _chunks[c])
                _children[c].Resources.Add(KeyValuePair.Create(id, (Expr)ChildResource(c, _resources[id])));

        var parentResources = new SortedDictionary<string, Expr>(StringComparer.Ordinal);
        foreach (var (id, resource) in _resources.Where(r => Home(r.Key) == Parent))
            parentResources[id] = ParentResource(resource);
        var parentOutputs = new List<KeyValuePair<string, Expr>>();
        foreach (var (name, output) in References.Section(_tree, "Outputs"))
        {
            var homes = OutputTargets(name, output).Select(Home).Distinct().ToList();
            if (homes is [var c] && c != Parent) _children[c].Outputs[name] = new Rewriter(this, c).Rewrite(output);
            else parentOutputs.Add(KeyValuePair.Create(name, new Rewriter(this, Parent).Rewrite(output)));
        }
        var children = Enumerable.Range(0, _chunks.Length).Select(c => new ChildTemplate(_names[c], $"{_names[c]}.{_extension}", ChildTree(c))).ToImmutableArray();
        for (var c = 0; c < _chunks.Length; c++)
            parentResources[_names[c]] = StackResource(c);

        var parent = new MapExpr([.. _tree.Entries.Select(e => e.Key switch
        {
            "Resources" => KeyValuePair.Create(e.Key, (Expr)new MapExpr([.. parentResources])),
            "Outputs" => KeyValuePair.Create(e.Key, (Expr)new MapExpr([.. parentOutputs])),
            _ => e,
        }).Where(e => e.Key != "Outputs" || ((MapExpr)e.Value).Entries.Length > 0)]);
        return new NestedTemplates(parent, children);
    }

    private IEnumerable<string> OutputTargets(string name, Expr output) => References.Find(new MapExpr(("Outputs", new MapExpr((name, output)))))
        .Where(r => r.Kind is ReferenceKind.Ref or ReferenceKind.GetAtt && _resources.ContainsKey(r.Target)).Select(r => r.Target).Distinct();

    private MapExpr ChildResource(int c, MapExpr resource)
    {
        var rewriter = new Rewriter(this, c);
        return new MapExpr([.. resource.Entries.Select(e => e.Key switch
        {
            "Type" or "DeletionPolicy" or "UpdateReplacePolicy" => e,
            "Condition" => KeyValuePair.Create(e.Key, e.Value),
            "DependsOn" => KeyValuePair.Create(e.Key, (Expr)List([.. DependsOn(e.Value).Where(d => KeepDependency(c, d)).Select(d => (Expr)d)])),
            _ => KeyValuePair.Create(e.Key, rewriter.Rewrite(e.Value)),
        }).Where(e => e.Key != "DependsOn" || ((ListExpr)e.Value).Items.Length > 0)]);
    }

    private bool KeepDependency(int c, string target)
    {
        var home = Home(target);
        if (home == c) return true;
        _children[c].DependsOn.Add(home == Parent ? target : _names[home]);
        return false;
    }

    private MapExpr ParentResource(MapExpr resource)
    {
        var rewriter = new Rewriter(this, Parent);
        return new MapExpr([.. resource.Entries.Select(e => e.Key switch
        {
            "Type" or "DeletionPolicy" or "UpdateReplacePolicy" or "Condition" => e,
            "DependsOn" => KeyValuePair.Create(e.Key, (Expr)List([.. DependsOn(e.Value).Select(d => Home(d) == Parent ? d : _names[Home(d)]).Distinct().Select(d => (Expr)d)])),
            _ => KeyValuePair.Create(e.Key, rewriter.Rewrite(e.Value)),
        })]);
    }

    private static ListExpr List(IEnumerable<Expr> items) => new(items.ToImmutableArray());

    private static IEnumerable<string> DependsOn(Expr value) => value switch
    {
        Str s => [s.Value],
        ListExpr l => l.Items.OfType<Str>().Select(s => s.Value),
        _ => [],
    };

    private Expr StackResource(int c)
    {
        var child = _children[c];
        var properties = new List<KeyValuePair<string, Expr>>();
        if (child.Values.Count > 0) properties.Add(KeyValuePair.Create("Parameters", (Expr)new MapExpr([.. child.Values])));
        properties.Add(KeyValuePair.Create("TemplateURL", (Expr)$"{_names[c]}.{_extension}"));
        var entries = new List<KeyValuePair<string, Expr>> { KeyValuePair.Create("Type", (Expr)"AWS::CloudFormation::Stack") };
        child.DependsOn.ExceptWith(References.Find(new MapExpr(("Resources", new MapExpr(("X", new MapExpr([.. properties]))))))
            .Where(r => r.Kind == ReferenceKind.GetAtt).Select(r => r.Target));
        if (child.DependsOn.Count > 0) entries.Add(KeyValuePair.Create("DependsOn", (Expr)List([.. child.DependsOn.Select(d => (Expr)d)])));
        entries.Add(KeyValuePair.Create("Properties", (Expr)new MapExpr([.. properties])));
        return new MapExpr([.. entries]);
    }

    private MapExpr ChildTree(int c)
    {
        var child = _children[c];
        var conditions = NeededConditions(new MapExpr(("Resources", new MapExpr([.. child.Resources])), ("Outputs", new MapExpr([.. child.Outputs]))));
        foreach (var parameter in References.Find(new MapExpr(("Conditions", new MapExpr([.. conditions])))).Where(r => _parameters.ContainsKey(r.Target)))
            NeedParameter(c, parameter.Target);
        var entries = new List<(string, Expr)>
        {
            ("AWSTemplateFormatVersion", "2010-09-09"),
            ("Description", $"Services of a compose-ecs project, part {c + 1} of {_chunks.Length}"),
        };
        if (child.Parameters.Count > 0) entries.Add(("Parameters", new MapExpr([.. child.Parameters])));
        if (conditions.Count > 0) entries.Add(("Conditions", new MapExpr([.. conditions])));
        entries.Add(("Resources", new MapExpr([.. child.Resources])));
        if (child.Outputs.Count > 0) entries.Add(("Outputs", new MapExpr([.. child.Outputs])));
        return new MapExpr([.. entries]);
    }

    private SortedDictionary<string, Expr> NeededConditions(MapExpr part)
    {
        var needed = new SortedDictionary<string, Expr>(StringComparer.Ordinal);
        if (_conditions.Count == 0) return needed;
        var pending = new Queue<string>(References.Find(part).Where(r => r.Kind == ReferenceKind.Condition).Select(r => r.Target));
        while (pending.TryDequeue(out var name))
        {
            if (needed.ContainsKey(name) || !_conditions.TryGetValue(name, out var condition)) continue;
            needed[name] = condition;
            foreach (var r in References.Find(new MapExpr(("Conditions", new MapExpr((name, condition))))).Where(r => r.Kind == ReferenceKind.Condition))
                pending.Enqueue(r.Target);
        }
        return needed;
    }

    /// <summary>A template parameter a child reads: same name; the parent passes its value (lists joined, SSM types resolved).</summary>
    private void NeedParameter(int c, string name)
    {
        var definition = _parameters[name];
        var type = definition["Type"] is Str t ? t.Value : "String";
        if (type.StartsWith("AWS::SSM::Parameter::Value<", StringComparison.Ordinal))
        {
            type = type["AWS::SSM::Parameter::Value<".Length..^1];
            definition = NestedTemplates.Map(definition, ("Type", type));
            definition = new MapExpr([.. definition.Entries.Where(e => e.Key != "Default")]);
        }
        _children[c].Parameters[name] = definition;
        _children[c].Values[name] = type.StartsWith("List<", StringComparison.Ordinal) || type == "CommaDelimitedList"
            ? Fn.Join(",", Fn.Ref(name)) : Fn.Ref(name);
    }

    /// <summary>A resource (or one attribute of it) a child reads from elsewhere; returns the child parameter's name.</summary>
    private string NeedResource(int c, string target, string? attribute)
    {
        var name = ValueName(target, attribute);
        _children[c].Parameters[name] = new MapExpr(("Type", "String"));
        _children[c].Values[name] = FromParent(target, attribute, name);
        return name;
    }

    /// <summary>The value of a resource (attribute) as the parent sees it: its own, or a child's output.</summary>
    private Expr FromParent(string target, string? attribute, string name)
    {
        var home = Home(target);
        var own = attribute is null ? Fn.Ref(target) : Fn.GetAtt(target, attribute);
        if (home == Parent) return own;
        _children[home].Outputs[name] = new MapExpr(("Value", own));
        return Fn.GetAtt(_names[home], $"Outputs.{name}");
    }

    private string ValueName(string target, string? attribute)
    {
        if (attribute is null) return target;
        var name = target + new string([.. attribute.Where(char.IsAsciiLetterOrDigit)]);
        return _ids.Contains(name) ? name + "Value" : name;
    }

    /// <summary>Rewrites references for the template at <c>home</c> (a chunk, or the parent).</summary>
    private sealed class Rewriter(SplitBuilder b, int home)
    {
        public Expr Rewrite(Expr node) => node switch
        {
            ListExpr list => List([.. list.Items.Select(Rewrite)]),
            MapExpr { Entries: [var only] } map when Function(only.Key, only.Value) is { } replaced => replaced,
            MapExpr map => new MapExpr([.. map.Entries.Select(e => KeyValuePair.Create(e.Key, Rewrite(e.Value)))]),
            _ => node,
        };

        private Expr? Function(string key, Expr value) => (key, value) switch
        {
            ("Ref", Str target) => Reference(target.Value, null) switch
            {
                null => null,
                Str name => Fn.Ref(name.Value),
                var getAtt => getAtt,
            },
            ("Fn::GetAtt", Str dotted) when dotted.Value.IndexOf('.') is var dot and > 0 => GetAtt(dotted.Value[..dot], dotted.Value[(dot + 1)..]),
            ("Fn::GetAtt", ListExpr { Items: [Str target, Str attribute] }) => GetAtt(target.Value, attribute.Value),
            ("Fn::Sub", Str text) => Fn.Sub(Sub(text.Value, [])),
            ("Fn::Sub", ListExpr { Items: [Str text, MapExpr variables] }) =>
                Fn.Sub(Sub(text.Value, [.. variables.Entries.Select(e => e.Key)]), (MapExpr)Rewrite(variables)),
            _ => null,
        };

        /// <summary>Null when the reference stays as written; else, in a child, the parameter's name (a Str) and in the parent the GetAtt.</summary>
        private Expr? Reference(string target, string? attribute)
        {
            if (b._parameters.ContainsKey(target))
            {
                if (home != Parent) b.NeedParameter(home, target);
                return null;
            }
            if (!b._resources.ContainsKey(target) || b.Home(target) == home) return null;
            if (home != Parent) return b.NeedResource(home, target, attribute);
            var name = b.ValueName(target, attribute);
            return b.FromParent(target, attribute, name);
        }

        private Expr GetAtt(string target, string attribute) => Reference(target, attribute) switch
        {
            null => Fn.GetAtt(target, attribute),
            Str name => Fn.Ref(name.Value),
            var getAtt => getAtt,
        };

        private string Sub(string text, HashSet<string> locals)
        {
            var result = new System.Text.StringBuilder();
            var at = 0;
            while (text.IndexOf("${", at, StringComparison.Ordinal) is var start and >= 0)
            {
                var end = text.IndexOf('}', start + 2);
                if (end < 0) break;
                var variable = text[(start + 2)..end].Trim();
                result.Append(text, at, start - at).Append("${").Append(SubVariable(variable, locals)).Append('}');
                at = end + 1;
            }
            return result.Append(text, at, text.Length - at).ToString();
        }

        private string SubVariable(string variable, HashSet<string> locals)
        {
            if (variable.StartsWith('!') || locals.Contains(variable.Split('.')[0])) return variable;
            var dot = variable.IndexOf('.');
            var (target, attribute) = dot < 0 ? (variable, (string?)null) : (variable[..dot], variable[(dot + 1)..]);
            return Reference(target, attribute) switch
            {
                null => variable,
                Str name => name.Value,
                MapExpr { Entries: [{ Value: ListExpr { Items: [Str stack, Str output] } }] } => $"{stack.Value}.{output.Value}",
                _ => variable,
            };
        }
    }
}
