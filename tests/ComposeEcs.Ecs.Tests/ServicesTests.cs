namespace ComposeEcs.Ecs.Tests;

public class ServicesTests
{
    private static MapExpr ServiceOf(Service service) => Transform.Ok(Project(service)).Properties(LogicalIds.Service(service.Name));

    private static DeployConfig Update(int replicas, int? parallelism, string? order) =>
        new() { Replicas = replicas, UpdateConfig = new UpdateConfig { Parallelism = parallelism, Order = order } };

    [Fact]
    public void Service_runs_on_fargate_in_the_project_cluster_with_its_task_definition()
    {
        var service = ServiceOf(Service("web"));
        Assert.Equal(new Str("FARGATE"), service["LaunchType"]);
        Assert.Equal(Fn.Ref("Cluster"), service["Cluster"]);
        Assert.Equal(Fn.Ref("WebTaskDefinition"), service["TaskDefinition"]);
        Assert.Equal(new Str("SERVICE"), service["PropagateTags"]);
    }

    [Fact]
    public void Desired_count_is_one_by_default()
    {
        Assert.Equal(new Num("1"), ServiceOf(Service("web"))["DesiredCount"]);
    }

    [Fact]
    public void Desired_count_comes_from_deploy_replicas_or_scale()
    {
        Assert.Equal(new Num("3"), ServiceOf(Service("web") with { Deploy = new DeployConfig { Replicas = 3 } })["DesiredCount"]);
        Assert.Equal(new Num("2"), ServiceOf(Service("web") with { Scale = 2 })["DesiredCount"]);
    }

    [Fact]
    public void Circuit_breaker_with_rollback_is_always_on()
    {
        Assert.Equal(new MapExpr(("Enable", true), ("Rollback", true)), ServiceOf(Service("web")).At("DeploymentConfiguration.DeploymentCircuitBreaker"));
    }

    [Fact]
    public void Without_update_config_ecs_default_percentages_apply()
    {
        var deployment = ServiceOf(Service("web")).At("DeploymentConfiguration")!;
        Assert.Null(deployment.At("MinimumHealthyPercent"));
        Assert.Null(deployment.At("MaximumPercent"));
    }

    [Fact]
    public void Start_first_update_with_parallelism_starts_that_many_extra_tasks()
    {
        var deployment = ServiceOf(Service("web") with { Deploy = Update(4, 2, "start-first") }).At("DeploymentConfiguration")!;
        Assert.Equal(new Num("100"), deployment.At("MinimumHealthyPercent"));
        Assert.Equal(new Num("150"), deployment.At("MaximumPercent"));
    }

    [Fact]
    public void Maximum_percent_rounds_up_so_an_extra_task_fits_and_is_capped_at_200()
    {
        Assert.Equal(new Num("134"), ServiceOf(Service("web") with { Deploy = Update(3, 1, null) }).At("DeploymentConfiguration.MaximumPercent"));
        Assert.Equal(new Num("200"), ServiceOf(Service("web") with { Deploy = Update(1, 5, "start-first") }).At("DeploymentConfiguration.MaximumPercent"));
    }

    [Fact]
    public void Stop_first_update_stops_parallelism_tasks_before_starting_new_ones()
    {
        var deployment = ServiceOf(Service("web") with { Deploy = Update(4, 1, "stop-first") }).At("DeploymentConfiguration")!;
        Assert.Equal(new Num("75"), deployment.At("MinimumHealthyPercent"));
        Assert.Equal(new Num("100"), deployment.At("MaximumPercent"));
    }

    [Fact]
    public void X_aws_min_and_max_percent_on_deploy_set_the_percentages()
    {
        var web = Service("web") with
        {
            Deploy = new DeployConfig { Replicas = 2, Extensions = Ext(("x-aws-min_percent", 50L), ("x-aws-max_percent", 150L)) },
        };
        var deployment = ServiceOf(web).At("DeploymentConfiguration")!;
        Assert.Equal(new Num("50"), deployment.At("MinimumHealthyPercent"));
        Assert.Equal(new Num("150"), deployment.At("MaximumPercent"));
    }

    [Fact]
    public void X_aws_min_and_max_percent_on_the_service_are_accepted_too()
    {
        var web = Service("web").WithExtensions(("x-aws-min_percent", "0"), ("x-aws-max_percent", 100L));
        var deployment = ServiceOf(web).At("DeploymentConfiguration")!;
        Assert.Equal(new Num("0"), deployment.At("MinimumHealthyPercent"));
        Assert.Equal(new Num("100"), deployment.At("MaximumPercent"));
    }

    [Fact]
    public void X_aws_percent_that_is_not_a_percentage_is_an_error()
    {
        var error = Assert.Single(Transform.Errors(Project(Service("web").WithExtensions(("x-aws-max_percent", "lots")))));
        Assert.StartsWith("service \"web\": x-aws-max_percent:", error);
    }

    [Fact]
    public void Depends_on_makes_the_ecs_service_depend_on_the_other_service()
    {
        var app = Service("app") with { DependsOn = Maps.From([KeyValuePair.Create("db", new ServiceDependency("service_healthy"))]) };
        var template = Transform.Ok(Project(app, Service("db", "postgres:16")));
        Assert.Equal(["DbService"], template.Resources["AppService"].DependsOn.ToArray());
        Assert.Empty(template.Resources["DbService"].DependsOn);
    }

    [Fact]
    public void Services_are_tagged_with_project_and_service()
    {
        var tags = ServiceOf(Service("web"))["Tags"].Items();
        Assert.Equal([new Tag("com.docker.compose.project", "demo").ToExpr(), new Tag("com.docker.compose.service", "web").ToExpr()], tags);
    }

    [Fact]
    public void Each_service_name_is_an_output()
    {
        var template = Transform.Ok(Project(Service("web-api")));
        Assert.Equal(Fn.GetAtt("WebapiService", "Name"), template.Outputs["WebapiServiceName"].Value);
    }
}
