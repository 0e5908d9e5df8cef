namespace ComposeEcs.Ecs.Tests;

/// <summary>The parent stack keeps every parameter up fills, so past CloudFormation's 200 convert refuses instead of up failing after the pushes.</summary>
public sealed class TemplateParametersTests
{
    private static ComposeProject Built(int services) =>
        Project([.. Enumerable.Range(1, services).Select(i => Service($"svc{i:D3}") with { Image = null, Build = new BuildConfig("/src/app") })]);

    [Fact]
    public void More_than_200_parameters_is_an_error_at_the_last_built_service()
    {
        var error = Assert.Single(Transform.Errors(Built(230)));

        Assert.StartsWith("service \"svc230\": build: the stack would take 23", error);
        Assert.Contains("230 of them images of services built from source); CloudFormation takes at most 200", error);
    }

    [Fact]
    public void A_hundred_and_fifty_built_services_convert()
    {
        var template = Transform.Ok(Built(150));

        Assert.InRange(template.Parameters.Count, 150, 200);
    }
}
