namespace ComposeEcs.Ecs.Tests;

/// <summary>A database port published as 5432:5432 no longer becomes an internet listener silently (issue #12).</summary>
public sealed class PublicPortsTests
{
    [Fact]
    public void A_database_port_on_an_internet_facing_load_balancer_warns_at_its_line_naming_the_server()
    {
        var warning = Assert.Single(Transform.Warnings(Project(Service("db", "postgres:16").Publishing(Port(5432, 5432)))));
        Assert.StartsWith("service \"db\": ports: 5432/tcp (PostgreSQL) is published on an internet-facing load balancer open to 0.0.0.0/0", warning.Message);
        Assert.Contains("x-aws-loadbalancer-scheme: internal", warning.Message);
    }

    [Fact]
    public void Http_ports_do_not_warn()
    {
        Assert.Empty(Transform.Warnings(Project(Service("web").Publishing(Port(80, 8080)))));
    }

    [Fact]
    public void X_aws_loadbalancer_scheme_internal_keeps_the_load_balancer_inside_the_vpc_without_a_warning()
    {
        var project = Project(Service("db", "postgres:16").Publishing(Port(5432, 5432))).WithExtensions(("x-aws-loadbalancer-scheme", "internal"));
        Assert.Empty(Transform.Warnings(project));
        Assert.Equal(new Str("internal"), Transform.Ok(project).Properties("LoadBalancer")["Scheme"]);
    }

    [Fact]
    public void An_unknown_scheme_is_an_error()
    {
        var project = Project(Service("db").Publishing(Port(5432, 5432))).WithExtensions(("x-aws-loadbalancer-scheme", "private"));
        Assert.StartsWith("x-aws-loadbalancer-scheme: must be internal", Assert.Single(Transform.Errors(project)));
    }
}
