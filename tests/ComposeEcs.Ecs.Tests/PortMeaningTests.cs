using ComposeEcs.CloudFormation;
using static ComposeEcs.Ecs.Tests.Projects;

namespace ComposeEcs.Ecs.Tests;

/// <summary>A published port's meaning is decided once (LoadBalancing.Shape); listener, endpoint, port mapping and redirect agree.</summary>
public sealed class PortMeaningTests
{
    private const string Certificate = "arn:aws:acm:us-east-1:123456789012:certificate/abc";

    [Fact]
    public void The_same_port_written_twice_is_one_listener_not_an_error()
    {
        // "3000" and {target: 3000, published: 3000} both publish 3000 on the load balancer.
        var project = Project(Service("api").Publishing(new Compose.Model.ServicePort(3000), Port(3000, 3000)));
        var template = Transform.Ok(project);
        Assert.Single(template.Resources.Keys, k => k.EndsWith("Listener", StringComparison.Ordinal));
        Assert.Single(template.Outputs.Keys, k => k.EndsWith("Endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void A_container_behind_a_plain_http_listener_on_443_is_marked_as_speaking_http()
    {
        // "443:8080": the ALB forwards plain HTTP to 8080 (target group HTTP), so the port mapping says http too.
        var template = Transform.Ok(Project(Service("web").Publishing(Port(443, 8080))));
        Assert.Equal(new Str("HTTP"), template.Properties("WebTCP8080TargetGroup")["Protocol"]);
        Assert.Equal(new Str("http"), template.Container("web").At("PortMappings.0.AppProtocol"));
    }

    [Fact]
    public void A_redirect_to_a_port_that_became_a_tls_listener_is_an_error_not_dropped()
    {
        // A TCP port elsewhere makes the load balancer a Network Load Balancer: the https port is a TLS listener there.
        var web = Service("web").Publishing(Port(443, 8080).WithExtensions(("x-aws-protocol", "https"), ("x-aws-certificate", Certificate), ("x-aws-redirect", "80")));
        var db = Service("db").Publishing(Port(5432, 5432));
        Assert.Contains("cannot redirect", Assert.Single(Transform.Errors(Project(web, db))));
    }
}
