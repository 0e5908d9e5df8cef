using ComposeEcs.CloudFormation.Nesting;
using ComposeEcs.CloudFormation.Tests;

namespace ComposeEcs.Ecs.Tests;

public class NestingTests
{
    private static MapExpr Tree(int services, string firstImage = "example/worker:1") =>
        Transform.Ok(Project([.. Enumerable.Range(1, services).Select(i =>
        {
            var service = Service($"worker{i}", i == 1 ? firstImage : "example/worker:1");
            return i % 10 == 0 ? service.Publishing(Port(8000 + i, 8080)) : service;
        })])).ToTree();

    private static IEnumerable<KeyValuePair<string, Expr>> Section(MapExpr tree, string name) => tree[name] is MapExpr m ? m.Entries : [];

    [Fact]
    public void A_small_project_needs_no_nested_stacks()
    {
        Assert.False(StackSplit.IsNeeded(Tree(60)));
    }

    [Fact]
    public void Three_hundred_services_split_into_children_well_inside_every_quota_around_a_parent_with_the_shared_resources()
    {
        var tree = Tree(300);
        Assert.True(StackSplit.IsNeeded(tree));

        var nested = StackSplit.Split(tree)!;

        Assert.True(nested.Children.Length >= 2);
        Assert.True(Section(nested.Parent, "Resources").Count() <= 450);
        Assert.Empty(TemplateChecks.Problems(nested.Parent));
        var parentIds = Section(nested.Parent, "Resources").Select(e => e.Key).ToHashSet();
        Assert.All(new[] { "Cluster", "LogGroup", "CloudMap", "LoadBalancer", "DefaultNetwork" }, id => Assert.Contains(id, parentIds));
        foreach (var child in nested.Children)
        {
            Assert.True(Section(child.Template, "Resources").Count() <= 200, child.LogicalId);
            Assert.True(Section(child.Template, "Parameters").Count() <= 100, child.LogicalId);
            Assert.True(Section(child.Template, "Outputs").Count() <= 200, child.LogicalId);
            TemplateAssert.Valid(child.Template);
            Assert.Equal($"{child.LogicalId}.json", ((MapExpr)((MapExpr)((MapExpr)nested.Parent["Resources"]!)[child.LogicalId]!)["Properties"]!)["TemplateURL"]);
        }
        var services = nested.Children.SelectMany(c => Section(c.Template, "Resources")).Where(r => ((MapExpr)r.Value)["Type"] == new Str("AWS::ECS::Service")).ToList();
        Assert.Equal(300, services.Count);
    }

    [Fact]
    public void The_split_is_deterministic_and_a_change_to_one_service_changes_one_child()
    {
        var first = StackSplit.Split(Tree(300))!;
        var again = StackSplit.Split(Tree(300))!;
        var changed = StackSplit.Split(Tree(300, firstImage: "example/worker:2"))!;

        Assert.Equal(first.Parent, again.Parent);
        Assert.Equal(first.Children.Select(c => c.Template), again.Children.Select(c => c.Template));
        Assert.Equal(first.Parent, changed.Parent);
        Assert.Single(first.Children.Zip(changed.Children), pair => !pair.First.Template.Equals(pair.Second.Template));
    }

    [Fact]
    public void A_child_reads_shared_resources_through_parameters_the_parent_fills()
    {
        var nested = StackSplit.Split(Tree(300))!;
        var child = nested.Children[0];
        var stack = (MapExpr)((MapExpr)nested.Parent["Resources"]!)[child.LogicalId]!;
        var values = (MapExpr)((MapExpr)stack["Properties"]!)["Parameters"]!;

        Assert.Equal(Fn.Ref("Cluster"), values["Cluster"]);
        Assert.Equal(Fn.Join(",", Fn.Ref("SubnetIds")), values["SubnetIds"]);
        Assert.NotNull(((MapExpr)child.Template["Parameters"]!)["Cluster"]);
    }
}
