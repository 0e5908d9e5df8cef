using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ComposeEcs.CloudFormation;
using YamlDotNet.RepresentationModel;

namespace ComposeEcs.CloudFormation.Tests;

/// <summary>
/// Parses YAML back into the tree with YamlDotNet, resolving plain scalars the way the strictest of YAML 1.1 and
/// 1.2 would (yes/no/on/off, octals, sexagesimals, dates ...), so a string the writer left plain but a parser would
/// misread comes back as something other than a <see cref="Str"/>.
/// </summary>
public static partial class YamlBack
{
    public static Expr Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ToExpr(stream.Documents[0].RootNode);
    }

    private static Expr ToExpr(YamlNode node) => node switch
    {
        YamlMappingNode map => new MapExpr(map.Children
            .Select(e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value!, ToExpr(e.Value))).ToImmutableArray()),
        YamlSequenceNode list => new ListExpr(list.Children.Select(ToExpr).ToImmutableArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => Resolve(scalar.Value ?? ""),
        YamlScalarNode scalar => new Str(scalar.Value ?? ""),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    /// <summary>What a plain scalar means to a YAML 1.1 or 1.2 reader; anything ambiguous becomes a non-string.</summary>
    public static Expr Resolve(string plain)
    {
        if (NullPattern().IsMatch(plain)) return Null.Instance;
        if (TruePattern().IsMatch(plain)) return new Bool(true);
        if (FalsePattern().IsMatch(plain)) return new Bool(false);
        if (NumberPattern().IsMatch(plain) || TimestampPattern().IsMatch(plain)) return new Num(plain);
        return new Str(plain);
    }

    [GeneratedRegex("^(~|null|Null|NULL|)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$")]
    private static partial Regex TruePattern();

    [GeneratedRegex("^(n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$")]
    private static partial Regex FalsePattern();

    [GeneratedRegex(@"^([-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9_]+([eE][-+]?[0-9]+)?|\.(inf|Inf|INF))|\.(nan|NaN|NAN))$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")]
    private static partial Regex TimestampPattern();
}
