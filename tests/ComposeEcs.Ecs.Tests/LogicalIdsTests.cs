namespace ComposeEcs.Ecs.Tests;

public class LogicalIdsTests
{
    [Theory]
    [InlineData("web-api", "Webapi")]
    [InlineData("background_jobs", "Backgroundjobs")]
    [InlineData("db", "Db")]
    [InlineData("my.svc2", "Mysvc2")]
    [InlineData("Web", "Web")]
    public void Names_are_normalised_by_dropping_non_alphanumerics_and_upper_casing_the_first_letter(string name, string id)
    {
        Assert.Equal(id, LogicalIds.Normalize(name));
    }

    [Fact]
    public void Every_resource_of_a_service_starts_with_its_normalised_name()
    {
        var template = Transform.Ok(Project(Service("web-api").Publishing(Port(80, 8080))));
        foreach (var id in new[] { "WebapiService", "WebapiTaskDefinition", "WebapiTaskExecutionRole", "WebapiServiceDiscoveryEntry", "WebapiTCP80Listener", "WebapiTCP8080TargetGroup", "DefaultNetwork" })
            Assert.Contains(id, template.Resources.Keys);
    }

    [Fact]
    public void Two_services_that_normalise_to_the_same_id_are_an_error_naming_both()
    {
        var error = Assert.Single(Transform.Errors(Project(Service("web-api"), Service("web_api"))));
        Assert.Contains("\"web-api\"", error);
        Assert.Contains("\"web_api\"", error);
        Assert.Contains("Webapi", error);
    }

    [Fact]
    public void Two_networks_that_normalise_to_the_same_id_are_an_error()
    {
        var error = Assert.Single(Transform.Errors(Project(Service("a").OnNetworks("back-end"), Service("b").OnNetworks("backend"))));
        Assert.Contains("networks \"back-end\" and \"backend\"", error);
    }

    [Fact]
    public void Ids_are_stable_across_runs_and_the_whole_template_is_deterministic()
    {
        Service[] Build() =>
        [
            Service("web").Publishing(Port(80, 8080)) with { Environment = Maps.From<string?>([KeyValuePair.Create("B", (string?)"2"), KeyValuePair.Create("A", (string?)"1")]) },
            Service("db", "postgres:16") with { Expose = ["5432"] },
        ];
        Assert.Equal(TemplateWriter.ToYaml(Transform.Ok(Project(Build()))), TemplateWriter.ToYaml(Transform.Ok(Project(Build()))));
        Assert.Equal(TemplateWriter.ToYaml(Transform.Ok(Project(Build()))), TemplateWriter.ToYaml(Transform.Ok(Project([.. Build().Reverse()]))));
    }
}
