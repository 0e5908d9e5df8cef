using ComposeEcs.Yaml;

namespace ComposeEcs.CloudFormation;

/// <summary>A template tree as YAML, through the emitter `config` uses too (<see cref="YamlEmitter"/>).</summary>
internal static class YamlWriter
{
    public static string Write(Expr tree) => YamlEmitter.Write(ToNode(tree));

    private static YamlNode ToNode(Expr value) => value switch
    {
        Str s => new YamlString(s.Value),
        Num n => new YamlPlain(n.Text),
        Bool b => b.Value ? YamlPlain.True : YamlPlain.False,
        Null => YamlPlain.Null,
        MapExpr m => new YamlMap([.. m.Entries.Select(e => KeyValuePair.Create(e.Key, ToNode(e.Value)))]),
        ListExpr l => new YamlList([.. l.Items.Select(ToNode)]),
        _ => throw new NotSupportedException(value.GetType().Name),
    };
}
