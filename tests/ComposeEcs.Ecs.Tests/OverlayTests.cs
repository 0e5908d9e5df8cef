using ComposeEcs.CloudFormation.Tests;

namespace ComposeEcs.Ecs.Tests;

public class OverlayTests
{
    private static ComposeProject WithOverlay(ComposeProject project, params (string Key, object? Value)[] sections) =>
        project.WithExtensions(("x-aws-cloudformation", Map(sections)));

    private static (string, object?) Patch(string id, params (string Key, object? Value)[] properties) =>
        (id, Map(("Properties", Map(properties))));

    private static (string, object?) Resources(params (string, object?)[] resources) => ("Resources", Map(resources));

    private static MapExpr Tree(ComposeProject project)
    {
        var template = Transform.Ok(project);
        var tree = template.ToTree();
        TemplateAssert.Valid(tree);
        return tree;
    }

    [Fact]
    public void Overlay_patches_a_property_of_a_generated_resource_and_keeps_the_rest()
    {
        var project = WithOverlay(Project(Service("web").Publishing(Port(80, 80))),
            Resources(Patch("WebService", ("DesiredCount", 3L)), Patch("LoadBalancer", ("Scheme", "internal"))));
        var tree = Tree(project);
        Assert.Equal(new Num("3"), tree.At("Resources.WebService.Properties.DesiredCount"));
        Assert.Equal(new Str("internal"), tree.At("Resources.LoadBalancer.Properties.Scheme"));
        Assert.Equal(new Str("application"), tree.At("Resources.LoadBalancer.Properties.Type"));
        Assert.Equal(Fn.Ref("Cluster"), tree.At("Resources.WebService.Properties.Cluster"));
    }

    [Fact]
    public void Overlay_lists_replace_generated_lists()
    {
        var project = WithOverlay(Project(Service("app")),
            Resources(Patch("AppTaskDefinition", ("Tags", List(Map(("Key", "cost-center"), ("Value", "1234")))))));
        Assert.Equal(new ListExpr(new MapExpr(("Key", "cost-center"), ("Value", "1234"))), Tree(project).At("Resources.AppTaskDefinition.Properties.Tags"));
    }

    [Fact]
    public void Overlay_adds_resources_and_outputs_with_type_first_in_yaml_and_json()
    {
        var project = WithOverlay(Project(Service("app")),
            Resources(("AuditLogGroup", Map(("Type", "AWS::Logs::LogGroup"), ("Properties", Map(("RetentionInDays", 365L)))))),
            ("Outputs", Map(("AuditLogGroupName", Map(("Value", Map(("Ref", "AuditLogGroup"))))))));
        var template = Transform.Ok(project);
        var tree = Tree(project);
        Assert.Equal("Type", ((MapExpr)tree.At("Resources.AuditLogGroup")!).Entries[0].Key);
        Assert.Equal(Fn.Ref("AuditLogGroup"), tree.At("Outputs.AuditLogGroupName.Value"));
        Assert.Contains("AuditLogGroup:\n    Type: AWS::Logs::LogGroup", template.ToYaml());
        Assert.Contains("\"AuditLogGroupName\"", template.ToJson());
    }

    [Fact]
    public void Null_in_the_overlay_removes_a_generated_property()
    {
        var project = WithOverlay(Project(Service("app")),
            Resources(Patch("AppService", ("ServiceConnectConfiguration", null))));
        Assert.Null(Tree(project).At("Resources.AppService.Properties.ServiceConnectConfiguration"));
    }

    [Fact]
    public void New_resource_without_a_type_is_an_error()
    {
        var project = WithOverlay(Project(Service("app")), Resources(Patch("Typo", ("A", "b"))));
        Assert.Contains("Resources.Typo: is not a generated resource, so it needs a Type", Assert.Single(Transform.Errors(project)));
    }

    [Fact]
    public void Overlay_that_is_not_a_map_is_an_error()
    {
        Assert.Contains("must be a map", Assert.Single(Transform.Errors(Project(Service("app")).WithExtensions(("x-aws-cloudformation", "oops")))));
    }
}
