namespace ComposeEcs.Ecs.Tests;

public class ComposeTransformTests
{
    [Fact]
    public void Any_error_means_no_template_and_every_problem_is_reported_at_once()
    {
        var result = ComposeTransform.Convert(Project(
            Service("a") with { Image = null },
            Service("b") with { NetworkMode = "none" },
            Service("c") with { Restart = "always" }));
        Assert.Null(result.Value);
        Assert.Equal(2, result.Errors.Count());
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void Warnings_accompany_a_template()
    {
        var result = ComposeTransform.Convert(Project(Service("web") with { Restart = "always" }));
        Assert.True(result.Succeeded);
        Assert.NotNull(result.Value);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void Options_are_optional_and_the_template_is_described()
    {
        var template = Transform.Ok(Project(Service("web")));
        Assert.Contains("demo", template.Description);
        Assert.Equal(ComposeTransform.Convert(Project(Service("web")), new TransformOptions()).Value!.ToTree(), template.ToTree());
    }

    [Fact]
    public void Two_concerns_emitting_the_same_logical_id_is_a_bug_that_throws()
    {
        var fragment = new Template { Resources = Sorted.Empty<Resource>().Add("X", new Resource("AWS::Logs::LogGroup", MapExpr.Empty)) };
        var ex = Assert.Throws<InvalidOperationException>(() => ComposeTransform.Merge(fragment, fragment));
        Assert.Contains("\"X\"", ex.Message);
    }
}

public class DiagnosticOrderTests
{
    [Fact]
    public void Diagnostics_come_out_in_source_order_with_project_level_ones_first()
    {
        var project = Project(
            Service("db") with { Restart = "always", Location = new ComposeEcs.SourceLocation("compose.yaml", 29, 3) },
            Service("web") with { Restart = "always", Location = new ComposeEcs.SourceLocation("compose.yaml", 6, 3) });
        project = project with { Services = project.Services.SetItem("cache", Service("cache") with { Logging = new ComposeEcs.Compose.Model.Logging("syslog") }) };
        var warnings = Transform.Warnings(project);
        Assert.Equal(["cache", "web", "db"], warnings.Select(w => w.Message.Split('"')[1]).ToArray());
    }
}
