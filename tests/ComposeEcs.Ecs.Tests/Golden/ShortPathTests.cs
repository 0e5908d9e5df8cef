using ComposeEcs.CloudFormation;

namespace ComposeEcs.Ecs.Tests.Golden;

/// <summary>
/// A DependsOn costs time only when it orders what could run side by side: the generated templates carry none that
/// repeats a reference (CloudFormation infers those) and only the kinds the runtime needs.
/// </summary>
public sealed class ShortPathTests
{
    [Theory]
    [MemberData(nameof(ConvertGoldenTests.Cases), MemberType = typeof(ConvertGoldenTests))]
    public void Generated_depends_on_never_repeats_a_reference(string name)
    {
        if (ConvertGoldenTests.Convert(CaseFolder.All("convert").Single(c => c.Name == name)).Template is not { } template) return;
        var references = References.Find(template.ToTree()).Where(r => r.Section == "Resources").ToList();
        var inferred = references.Where(r => r.Kind is ReferenceKind.Ref or ReferenceKind.GetAtt).Select(r => (r.Item, r.Target)).ToHashSet();
        Assert.Empty(references.Where(r => r.Kind == ReferenceKind.DependsOn && inferred.Contains((r.Item, r.Target))).Select(r => r.Path));
    }

    [Theory]
    [MemberData(nameof(ConvertGoldenTests.Cases), MemberType = typeof(ConvertGoldenTests))]
    public void Only_ecs_services_wait_explicitly_and_only_for_what_they_need(string name)
    {
        if (ConvertGoldenTests.Convert(CaseFolder.All("convert").Single(c => c.Name == name)).Template is not { } template) return;
        var tree = template.ToTree();
        var resources = (MapExpr)tree["Resources"]!;
        string TypeOf(string id) => resources[id] is MapExpr { } r && r["Type"] is Str s ? s.Value : "";
        // Listener: a target group must belong to a load balancer before CreateService; mount target: EFS mounts need
        // one in the task's subnet; capacity providers: the cluster must know them; services: compose depends_on.
        string[] needed = ["AWS::ElasticLoadBalancingV2::Listener", "AWS::EFS::MountTarget", "AWS::ECS::ClusterCapacityProviderAssociations", "AWS::ECS::Service"];
        foreach (var r in References.Find(tree).Where(r => r.Kind == ReferenceKind.DependsOn))
        {
            Assert.Equal("AWS::ECS::Service", TypeOf(r.Item));
            Assert.Contains(TypeOf(r.Target), needed);
        }
    }
}
