namespace ComposeEcs.Ecs.Tests;

/// <summary>The few lines <c>up</c> prints before the change set (issue #12): sizes, what is public, load balancer, file systems.</summary>
public sealed class DeploySummaryTests
{
    [Fact]
    public void Summary_names_each_service_size_count_and_reach_the_load_balancer_and_the_file_systems()
    {
        var db = Service("db", "postgres:16") with
        {
            User = "999",
            Volumes = [new ServiceVolume("volume", "/var/lib/postgresql/data") { Source = "data" }],
            Ports = [Port(5432, 5432)],
        };
        var project = Project(Service("web").Publishing(Port(80, 8080)) with { Deploy = new DeployConfig { Replicas = 3 } }, db)
            .WithExtensions(("x-aws-loadbalancer-scheme", "internal")) with
        {
            Volumes = Maps.From([KeyValuePair.Create("data", new Compose.Model.Volume("data") { Name = "demo_data" })]),
        };

        var lines = DeploySummary.Lines("demo", Transform.Ok(project));

        Assert.Equal(
        [
            "Project demo:",
            "  db   0.25 vCPU, 512 MB, 1 task   inside the VPC: <load balancer>:5432/tcp",
            "  web  0.25 vCPU, 512 MB, 3 tasks  inside the VPC: <load balancer>:80/tcp",
            "  load balancer: Network, internal",
            "  file systems: data (EFS, kept by down unless -v)",
        ], lines);
    }

    [Fact]
    public void A_project_without_ports_is_all_private_and_has_no_load_balancer_line()
    {
        Assert.Equal(["Project demo:", "  worker  0.25 vCPU, 512 MB, 1 task  private"], DeploySummary.Lines("demo", Transform.Ok(Project(Service("worker")))));
    }
}
