namespace ComposeEcs.Ecs.Tests;

/// <summary>A task definition ECS would refuse (over 64 KiB) is an error of convert, not a rollback of up.</summary>
public sealed class TaskDefinitionSizeTests
{
    private static Service WithEnvironment(int variables, int valueLength) => Service("web") with
    {
        Environment = Maps.From(Enumerable.Range(0, variables).Select(i => KeyValuePair.Create($"VARIABLE_{i}", (string?)new string('v', valueLength)))),
    };

    [Fact]
    public void An_environment_that_makes_the_task_definition_over_64_KiB_is_an_error_naming_the_service()
    {
        var error = Assert.Single(Transform.Errors(Project(WithEnvironment(100, 700))));

        Assert.Matches(@"^service ""web"": its task definition would be 7\d,\d\d\d bytes; ECS takes at most 65,536 \(64 KiB\)", error);
    }

    [Fact]
    public void A_large_environment_inside_the_quota_converts()
    {
        var template = Transform.Ok(Project(WithEnvironment(100, 500)));

        Assert.Contains("WebTaskDefinition", template.Resources.Keys);
    }
}
