using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using static ComposeEcs.CloudFormation.Tests.Trees;

namespace ComposeEcs.CloudFormation.Tests;

public class PlainDataTests
{
    [Fact]
    public void Scalars_become_their_tree_values()
    {
        Assert.Equal(Null.Instance, PlainData.ToExpr(null));
        Assert.Equal(new Str("x"), PlainData.ToExpr("x"));
        Assert.Equal(new Bool(true), PlainData.ToExpr(true));
        Assert.Equal(new Num("42"), PlainData.ToExpr(42L));
        Assert.Equal(new Num("7"), PlainData.ToExpr(7));
        Assert.Equal(new Num("0.25"), PlainData.ToExpr(0.25));
        Assert.Equal(new Num("-1E+20"), PlainData.ToExpr(-1e20));
    }

    [Fact]
    public void Compose_extension_data_becomes_a_tree_in_sorted_key_order()
    {
        var data = ImmutableSortedDictionary.CreateRange<string, object?>(StringComparer.Ordinal, [
            KeyValuePair.Create<string, object?>("Resources", ImmutableSortedDictionary.CreateRange<string, object?>(StringComparer.Ordinal, [
                KeyValuePair.Create<string, object?>("Web", ImmutableSortedDictionary.CreateRange<string, object?>(StringComparer.Ordinal, [
                    KeyValuePair.Create<string, object?>("Type", "AWS::ECS::Service"),
                    KeyValuePair.Create<string, object?>("Properties", ImmutableSortedDictionary.CreateRange<string, object?>(StringComparer.Ordinal, [
                        KeyValuePair.Create<string, object?>("Subnets", ImmutableArray.Create<object?>("a", 1L, null)),
                        KeyValuePair.Create<string, object?>("DesiredCount", 3L),
                    ])),
                ])),
            ])),
        ]);

        var tree = PlainData.ToExpr(data);

        Assert.Equal(
            Map(("Resources", Map(("Web", Map(("Properties", Map(("DesiredCount", 3), ("Subnets", List("a", 1, Null.Instance)))), ("Type", "AWS::ECS::Service")))))),
            tree);
    }

    [Fact]
    public void Other_dictionaries_and_enumerables_are_maps_and_lists()
    {
        var tree = PlainData.ToExpr(new Dictionary<string, object?> { ["b"] = new List<object?> { true }, ["a"] = Fn.Ref("X") });

        Assert.Equal(Map(("b", List(true)), ("a", Fn.Ref("X"))), tree);
        Assert.Equal(List(), PlainData.ToExpr(default(ImmutableArray<object?>)));
    }

    [Fact]
    public void Unknown_types_are_a_programming_error()
    {
        Assert.Throws<NotSupportedException>(() => PlainData.ToExpr(new object()));
    }
}
