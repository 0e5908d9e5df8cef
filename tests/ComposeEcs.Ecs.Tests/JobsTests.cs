using ComposeEcs.Compose;

namespace ComposeEcs.Ecs.Tests;

public class JobsTests
{
    private static Service DependsOn(Service service, params (string Name, string Condition)[] dependencies) => service with
    {
        DependsOn = Maps.From(dependencies.Select(d => KeyValuePair.Create(d.Name, new ServiceDependency(d.Condition)))),
    };

    [Fact]
    public void A_job_others_wait_for_runs_in_their_task_and_is_no_ecs_service()
    {
        var migrate = Service("migrate", "app:1");
        var web = DependsOn(Service("web"), ("migrate", "service_completed_successfully"));
        var template = Transform.Ok(Project(web, migrate));

        Assert.DoesNotContain("MigrateService", template.Resources.Keys);
        Assert.DoesNotContain("MigrateTaskDefinition", template.Resources.Keys);
        var job = template.Properties(LogicalIds.TaskDefinition("web")).At("ContainerDefinitions").Items().OfType<MapExpr>()
            .Single(c => c["Name"] == new Str("migrate"));
        Assert.Equal(new Bool(false), job["Essential"]);
        Assert.Equal(new MapExpr(("Condition", "SUCCESS"), ("ContainerName", DnsSearch.ContainerName)), job.At("DependsOn.0"));
        Assert.Contains(new MapExpr(("Condition", "SUCCESS"), ("ContainerName", "migrate")), template.Container("web").At("DependsOn").Items());
    }

    [Fact]
    public void What_a_job_waits_for_its_dependents_wait_for()
    {
        var db = Service("db", "postgres:16");
        var migrate = DependsOn(Service("migrate", "app:1"), ("db", "service_healthy")) with { Restart = "no" };
        var web = DependsOn(Service("web"), ("migrate", "service_completed_successfully"));
        var template = Transform.Ok(Project(web, migrate, db));
        Assert.Equal(["DbService"], template.Resources["WebService"].DependsOn.ToArray());
    }

    [Fact]
    public void A_restart_no_service_nobody_depends_on_is_an_error()
    {
        var errors = Transform.Errors(Project(Service("web"), Service("seed") with { Restart = "no" }));
        Assert.Contains(errors, e => e.StartsWith("service \"seed\": restart: \"no\" makes it a one-shot job, but no service depends on it"));
    }

    [Fact]
    public void A_job_with_ports_is_an_error()
    {
        var web = DependsOn(Service("web"), ("job", "service_completed_successfully"));
        Assert.Contains(Transform.Errors(Project(web, Service("job").Publishing(Port(8080, 8080)))), e => e.Contains("cannot have ports", StringComparison.Ordinal));
    }
}
