using ComposeEcs.CloudFormation;
using static ComposeEcs.CloudFormation.Tests.Trees;

namespace ComposeEcs.CloudFormation.Tests;

public class TemplateChecksTests
{
    private static (string, Expr) Bucket(string id, params (string, Expr)[] properties) => (id, Resource("AWS::S3::Bucket", properties));

    [Fact]
    public void The_sample_template_has_no_problems()
    {
        Assert.Empty(TemplateChecks.Problems(Trees.Sample().ToTree()));
    }

    [Fact]
    public void A_ref_to_a_resource_parameter_or_pseudo_parameter_is_fine()
    {
        var tree = Map(
            ("Parameters", Map(("Vpc", Map(("Type", "String"))))),
            ("Resources", Map(Bucket("A"), Bucket("B", ("X", Fn.Ref("A")), ("Y", Fn.Ref("Vpc")), ("Z", Pseudo.Region)))));

        Assert.Empty(TemplateChecks.Problems(tree));
    }

    [Fact]
    public void A_ref_to_nothing_is_reported_with_its_path()
    {
        var tree = WithResources(Bucket("A", ("Cluster", Fn.Ref("Clustr"))));

        Assert.Equal(
            ["Resources.A.Properties.Cluster.Ref: Ref to 'Clustr', which is not a resource, parameter or pseudo parameter"],
            TemplateChecks.Problems(tree));
    }

    [Fact]
    public void A_ref_in_outputs_to_nothing_is_reported()
    {
        var tree = Map(("Resources", Map(Bucket("A"))), ("Outputs", Map(("Out", Map(("Value", Fn.Ref("Missing")))))));

        Assert.Equal(["Outputs.Out.Value.Ref: Ref to 'Missing', which is not a resource, parameter or pseudo parameter"], TemplateChecks.Problems(tree));
    }

    [Fact]
    public void GetAtt_must_name_a_resource_in_both_forms()
    {
        var tree = Map(
            ("Parameters", Map(("P", Map(("Type", "String"))))),
            ("Resources", Map(Bucket("A", ("X", Fn.GetAtt("P", "Arn")), ("Y", Map(("Fn::GetAtt", "Nope.Arn"))), ("Z", Fn.GetAtt("A", "Arn"))))));

        Assert.Equal(
            [
                "Resources.A.Properties.X.Fn::GetAtt: Fn::GetAtt names 'P', which is not a resource",
                "Resources.A.Properties.Y.Fn::GetAtt: Fn::GetAtt names 'Nope', which is not a resource",
                "Resources: dependency cycle A -> A",
            ],
            TemplateChecks.Problems(tree));
    }

    [Fact]
    public void Sub_placeholders_are_references_except_escapes_and_own_variables()
    {
        var tree = WithResources(
            Bucket("Role"),
            Bucket("A",
                ("Name", Fn.Sub("${AWS::StackName}-${Role}-${Role.Arn}-${!Literal}-${Missing}-${Gone.Arn}")),
                ("Other", Fn.Sub("${Local}-${Local.Attr}-${Other}", Map(("Local", Fn.Ref("Role")), ("Other", Fn.Ref("Missing2")))))));

        Assert.Equal(
            [
                "Resources.A.Properties.Name.Fn::Sub: Fn::Sub to 'Missing', which is not a resource, parameter or pseudo parameter",
                "Resources.A.Properties.Name.Fn::Sub: Fn::Sub names 'Gone', which is not a resource",
                "Resources.A.Properties.Other.Fn::Sub[1].Other.Ref: Ref to 'Missing2', which is not a resource, parameter or pseudo parameter",
            ],
            TemplateChecks.Problems(tree));
        Assert.Equal<string>(["Role"], DependencyGraph.Of(tree).Dependencies["A"]);
    }

    [Fact]
    public void DependsOn_must_name_resources_as_a_string_or_a_list()
    {
        var tree = Map(
            ("Parameters", Map(("P", Map(("Type", "String"))))),
            ("Resources", Map(
                Bucket("A"),
                ("B", Map(("Type", "AWS::S3::Bucket"), ("DependsOn", "P"))),
                ("C", Map(("Type", "AWS::S3::Bucket"), ("DependsOn", List("A", "Nope")))))));

        Assert.Equal(
            [
                "Resources.B.DependsOn: DependsOn names 'P', which is not a resource",
                "Resources.C.DependsOn[1]: DependsOn names 'Nope', which is not a resource",
            ],
            TemplateChecks.Problems(tree));
        Assert.Equal<string>(["A"], DependencyGraph.Of(tree).Dependencies["C"]);
    }

    [Fact]
    public void Conditions_must_be_defined_wherever_they_are_named()
    {
        var tree = Map(
            ("Parameters", Map(("Env", Map(("Type", "String"))))),
            ("Conditions", Map(
                ("IsProd", Fn.Equal(Fn.Ref("Env"), "prod")),
                ("IsNotProd", Fn.Not(Fn.Condition("IsProd"))),
                ("Broken", Fn.And(Fn.Condition("Undefined1"), Fn.Equal(Fn.Ref("A"), "x"))))),
            ("Resources", Map(
                ("A", Map(("Type", "AWS::S3::Bucket"), ("Condition", "Undefined2"),
                    ("Properties", Map(("X", Fn.If("Undefined3", "a", Fn.Ref("Nope"))))))),
                ("B", Map(("Type", "AWS::S3::Bucket"), ("Condition", "IsNotProd"))))),
            ("Outputs", Map(("Out", Map(("Condition", "Undefined4"), ("Value", Fn.If("IsProd", "a", "b")))))));

        Assert.Equal(
            [
                "Resources.A.Condition: Condition names 'Undefined2', which is not a defined condition",
                "Resources.A.Properties.X.Fn::If: Fn::If names 'Undefined3', which is not a defined condition",
                "Resources.A.Properties.X.Fn::If[2].Ref: Ref to 'Nope', which is not a resource, parameter or pseudo parameter",
                "Outputs.Out.Condition: Condition names 'Undefined4', which is not a defined condition",
                "Conditions.Broken.Fn::And[0].Condition: Condition names 'Undefined1', which is not a defined condition",
                "Conditions.Broken.Fn::And[1].Fn::Equals[0].Ref: Ref to 'A', which is not a parameter or pseudo parameter (conditions cannot refer to resources)",
            ],
            TemplateChecks.Problems(tree));
    }

    [Fact]
    public void A_cycle_is_reported_naming_its_members_in_order()
    {
        var tree = WithResources(
            Bucket("A", ("X", Fn.Ref("B"))),
            Bucket("B", ("X", Fn.GetAtt("C", "Arn"))),
            ("C", Map(("Type", "AWS::S3::Bucket"), ("DependsOn", "A"))),
            Bucket("D", ("X", Fn.Ref("A"))));

        Assert.Equal(["Resources: dependency cycle A -> B -> C -> A"], TemplateChecks.Problems(tree));
        Assert.Equal<string>(["A", "B", "C"], Assert.Single(DependencyGraph.Of(tree).Cycles()));
    }

    [Fact]
    public void Missing_resources_and_types_are_reported()
    {
        Assert.Equal(["Resources: a template needs at least one resource"], TemplateChecks.Problems(Map(("AWSTemplateFormatVersion", "2010-09-09"))));
        Assert.Equal(["Resources.A: has no Type"], TemplateChecks.Problems(WithResources(("A", Map(("Properties", MapExpr.Empty))))));
    }

    [Fact]
    public void Topological_order_puts_dependencies_first_and_breaks_ties_by_name()
    {
        var tree = WithResources(
            Bucket("Service", ("Cluster", Fn.Ref("Cluster")), ("Task", Fn.Ref("Task"))),
            Bucket("Task", ("Role", Fn.GetAtt("Role", "Arn")), ("Logs", Fn.Sub("${Logs}"))),
            Bucket("Role"),
            Bucket("Logs"),
            Bucket("Cluster"),
            ("Alarm", Map(("Type", "AWS::S3::Bucket"), ("DependsOn", List("Service")))));

        Assert.Equal<string>(["Cluster", "Logs", "Role", "Task", "Service", "Alarm"], DependencyGraph.TopologicalOrder(tree));
    }

    [Fact]
    public void Topological_order_puts_resources_on_cycles_last()
    {
        var tree = WithResources(Bucket("A", ("X", Fn.Ref("B"))), Bucket("B", ("X", Fn.Ref("A"))), Bucket("C"));

        Assert.Equal<string>(["C", "A", "B"], DependencyGraph.TopologicalOrder(tree));
    }

    [Fact]
    public void Check_is_the_same_as_Problems()
    {
        var tree = WithResources(Bucket("A", ("X", Fn.Ref("B"))));

        Assert.Equal(TemplateChecks.Problems(tree), DependencyGraph.Check(tree));
    }

    [Fact]
    public void Container_depends_on_and_policy_conditions_are_not_template_references()
    {
        var tree = WithResources(Bucket("Task",
            ("ContainerDefinitions", List(Map(("Name", "app"), ("DependsOn", List(Map(("ContainerName", "init"), ("Condition", "SUCCESS"))))))),
            ("PolicyDocument", Map(("Statement", List(Map(("Effect", "Allow"), ("Resource", "arn:aws:s3:::b/${aws:username}"),
                ("Condition", Map(("StringEquals", Map(("aws:SourceAccount", Pseudo.AccountId))))))))))));

        Assert.Empty(TemplateChecks.Problems(tree));
        Assert.Equal<string>(["Task"], DependencyGraph.TopologicalOrder(tree));
    }
}
