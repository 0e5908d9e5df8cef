using ComposeEcs.CloudFormation;
using static ComposeEcs.CloudFormation.Tests.Trees;

namespace ComposeEcs.CloudFormation.Tests;

public class TreeMergeTests
{
    private static readonly MapExpr Target = Map(
        ("Resources", Map(
            ("Web", Map(("Type", "AWS::ECS::Service"), ("Properties", Map(
                ("DesiredCount", 1),
                ("Cluster", Fn.Ref("Cluster")),
                ("Subnets", List("a", "b")),
                ("Tags", List(Map(("Key", "k"), ("Value", "v")))))))))));

    [Fact]
    public void Maps_merge_key_by_key_keeping_the_target_order()
    {
        var merged = TreeMerge.Merge(Target, Map(("Resources", Map(("Web", Map(("Properties", Map(("DesiredCount", 3)))))))));

        var properties = (MapExpr)((MapExpr)((MapExpr)merged["Resources"]!)["Web"]!)["Properties"]!;
        Assert.Equal(["DesiredCount", "Cluster", "Subnets", "Tags"], properties.Entries.Select(e => e.Key));
        Assert.Equal(new Num("3"), properties["DesiredCount"]);
        Assert.Equal(Fn.Ref("Cluster"), properties["Cluster"]);
    }

    [Fact]
    public void New_keys_are_appended_in_overlay_order()
    {
        var merged = TreeMerge.Merge(Map(("A", 1)), Map(("C", 3), ("B", 2), ("A", 0)));

        Assert.Equal(Map(("A", 0), ("C", 3), ("B", 2)), merged);
    }

    [Fact]
    public void Lists_are_replaced_not_concatenated()
    {
        var merged = TreeMerge.Merge(Map(("Subnets", List("a", "b"))), Map(("Subnets", List("c"))));

        Assert.Equal(Map(("Subnets", List("c"))), merged);
    }

    [Fact]
    public void A_scalar_replaces_a_map_and_a_map_replaces_a_scalar()
    {
        Assert.Equal(Map(("X", 1)), TreeMerge.Merge(Map(("X", Map(("Y", 2)))), Map(("X", 1))));
        Assert.Equal(Map(("X", Map(("Y", 2)))), TreeMerge.Merge(Map(("X", 1)), Map(("X", Map(("Y", 2))))));
    }

    [Fact]
    public void Null_in_the_overlay_deletes_the_key()
    {
        var merged = TreeMerge.Merge(Map(("A", 1), ("B", Map(("C", 2), ("D", 3)))), Map(("B", Map(("C", Null.Instance))), ("A", Null.Instance), ("E", Null.Instance)));

        Assert.Equal(Map(("B", Map(("D", 3)))), merged);
    }

    [Fact]
    public void Nulls_inside_new_maps_are_dropped()
    {
        var merged = TreeMerge.Merge(MapExpr.Empty, Map(("New", Map(("Keep", 1), ("Gone", Null.Instance)))));

        Assert.Equal(Map(("New", Map(("Keep", 1)))), merged);
    }

    [Fact]
    public void An_intrinsic_replaces_rather_than_merges()
    {
        var merged = TreeMerge.Merge(Map(("Cluster", Fn.Ref("Cluster"))), Map(("Cluster", Fn.GetAtt("Other", "Arn"))));
        var literal = TreeMerge.Merge(Map(("Cluster", Fn.Ref("Cluster"))), Map(("Cluster", Map(("Name", "x")))));

        Assert.Equal(Map(("Cluster", Fn.GetAtt("Other", "Arn"))), merged);
        Assert.Equal(Map(("Cluster", Map(("Name", "x")))), literal);
    }

    [Fact]
    public void A_resource_condition_alone_merges_into_the_resource()
    {
        var merged = TreeMerge.Merge(Map(("Web", Map(("Type", "T")))), Map(("Web", Map(("Condition", "IsProd")))));

        Assert.Equal(Map(("Web", Map(("Type", "T"), ("Condition", "IsProd")))), merged);
    }

    [Fact]
    public void Inputs_are_not_changed()
    {
        var before = TemplateWriter.ToJson(Target);

        TreeMerge.Merge(Target, Map(("Resources", Null.Instance)));

        Assert.Equal(before, TemplateWriter.ToJson(Target));
    }
}
