using ComposeEcs.CloudFormation;
using static ComposeEcs.Ecs.Tests.Projects;

namespace ComposeEcs.Ecs.Tests;

/// <summary>The endpoint outputs are what up and ps print, so their scheme must be the listener's, decided once.</summary>
public sealed class EndpointsTests
{
    private static Expr Address(Template template, string output) => template.Outputs[output].Value;

    [Fact]
    public void Port_443_forwarded_to_8080_without_a_certificate_is_announced_as_plain_http_on_443()
    {
        var template = Transform.Ok(Project(Service("web").Publishing(Port(443, 8080))));
        Assert.Equal("HTTP", template.Properties("WebTCP443Listener").At("Protocol")!.ToString().Trim('"'));
        Assert.Equal(Fn.Sub("http://${LoadBalancer.DNSName}:443"), Address(template, "WebTCP443Endpoint"));
    }

    [Fact]
    public void A_target_only_port_gets_a_listener_and_an_endpoint()
    {
        var template = Transform.Ok(Project(Service("api").Publishing(new Compose.Model.ServicePort(3000))));
        Assert.Contains("ApiTCP3000Listener", template.Resources.Keys);
        Assert.Equal(Fn.Sub("${LoadBalancer.DNSName}:3000/tcp"), Address(template, "ApiTCP3000Endpoint"));
    }

    [Fact]
    public void Https_on_443_with_a_certificate_is_announced_without_a_port()
    {
        var port = Port(443, 8080).WithExtensions(("x-aws-protocol", "https"), ("x-aws-certificate", "arn:aws:acm:us-east-1:123456789012:certificate/abc"));
        var template = Transform.Ok(Project(Service("web").Publishing(port)));
        Assert.Equal(Fn.Sub("https://${LoadBalancer.DNSName}"), Address(template, "WebTCP443Endpoint"));
    }

    [Fact]
    public void Outputs_read_back_as_endpoints_of_their_compose_service()
    {
        var template = Transform.Ok(Project(Service("web-api").Publishing(Port(80, 8080)), Service("db").Publishing(Port(5432, 5432))));
        var outputs = template.Outputs.Select(o => (o.Key, Value: Resolve(o.Value.Value), o.Value.Description));

        var endpoints = Endpoints.Read(outputs);

        Assert.Equal(
            [new Endpoint("db", "lb.example:5432/tcp"), new Endpoint("web-api", "lb.example:80/tcp")],
            endpoints);
    }

    [Fact]
    public void An_existing_load_balancer_is_named_by_output_and_its_dns_filled_in_when_read()
    {
        const string arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shared/50dc6c495c0c9188";
        var project = Project(Service("web").Publishing(Port(80, 80))).WithExtensions(("x-aws-loadbalancer", arn));
        var template = Transform.Ok(project);
        var outputs = template.Outputs.Select(o => (o.Key, Value: o.Value.Value is Str s ? s.Value : "", o.Value.Description)).ToList();

        Assert.Equal(arn, outputs.Single(o => o.Key == Endpoints.ExistingLoadBalancerOutput).Value);
        Assert.True(Endpoints.NeedExistingLoadBalancerDns(outputs.Select(o => o.Value)));
        Assert.Equal([new Endpoint("web", "http://shared.example")], Endpoints.Read(outputs, "shared.example"));
        Assert.Empty(Endpoints.Read(outputs));
    }

    /// <summary>What CloudFormation would report: the Sub with the load balancer's DNS name in place.</summary>
    private static string Resolve(Expr value) => value switch
    {
        Str s => s.Value,
        MapExpr { Entries: [{ Key: "Fn::Sub", Value: Str template }] } => template.Value.Replace("${LoadBalancer.DNSName}", "lb.example"),
        _ => value.ToString(),
    };
}
