using ComposeEcs.CloudFormation.Tests;

namespace ComposeEcs.Ecs.Tests;

public class HttpsTests
{
    private const string Certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";

    private static ServicePort Https(int published, int target, params (string, object?)[] more) =>
        Port(published, target).WithExtensions([("x-aws-protocol", "https"), ("x-aws-certificate", Certificate), .. more]);

    [Fact]
    public void Https_port_gets_an_https_listener_with_its_certificate()
    {
        var template = Transform.Ok(Project(Service("web").Publishing(Https(443, 8080))));
        TemplateAssert.Valid(template);
        var listener = template.Properties("WebTCP443Listener");
        Assert.Equal(new Str("HTTPS"), listener["Protocol"]);
        Assert.Equal(new Str(Certificate), listener.At("Certificates.0.CertificateArn"));
        Assert.Equal(new Str("HTTP"), template.Properties("WebTCP8080TargetGroup")["Protocol"]);
    }

    [Fact]
    public void Redirect_adds_an_http_listener_answering_301_to_https()
    {
        var template = Transform.Ok(Project(Service("web").Publishing(Https(443, 8080, ("x-aws-redirect", "80")))));
        TemplateAssert.Valid(template);
        var listener = template.Properties("WebHTTP80RedirectListener");
        Assert.Equal(new Num("80"), listener["Port"]);
        Assert.Equal(new Str("HTTP"), listener["Protocol"]);
        Assert.Equal(new Str("redirect"), listener.At("DefaultActions.0.Type"));
        Assert.Equal(new MapExpr(("Port", "443"), ("Protocol", "HTTPS"), ("StatusCode", "HTTP_301")), listener.At("DefaultActions.0.RedirectConfig"));
        var ingress = template.Properties("LoadBalancerHTTP80RedirectIngress");
        Assert.Equal(Fn.Ref(LogicalIds.LoadBalancerSecurityGroup), ingress["GroupId"]);
        Assert.Equal(new Num("80"), ingress["FromPort"]);
    }

    [Fact]
    public void Tls_on_a_network_load_balancer_gets_a_tls_listener()
    {
        var broker = Service("broker").Publishing(
            Port(8883, 1883).WithExtensions(("x-aws-protocol", "tls"), ("x-aws-certificate", Certificate)), Port(1883, 1883));
        var template = Transform.Ok(Project(broker));
        Assert.Equal(new Str("network"), template.Properties("LoadBalancer")["Type"]);
        Assert.Equal(new Str("TLS"), template.Properties("BrokerTCP8883Listener")["Protocol"]);
        Assert.Equal(new Str(Certificate), template.Properties("BrokerTCP8883Listener").At("Certificates.0.CertificateArn"));
        Assert.Equal(new Str("TCP"), template.Properties("BrokerTCP1883TargetGroup")["Protocol"]);
    }

    [Fact]
    public void Https_without_a_certificate_is_an_error()
    {
        var web = Service("web").Publishing(Port(443, 8080).WithExtensions(("x-aws-protocol", "https")));
        Assert.Contains("needs x-aws-certificate", Assert.Single(Transform.Errors(Project(web))));
    }

    [Theory]
    [InlineData("http", "80", "only an x-aws-protocol: https port")]
    [InlineData("https", "eighty", "must be the port number")]
    public void Invalid_redirect_is_an_error(string protocol, string redirect, string expected)
    {
        var port = Port(443, 8080).WithExtensions(("x-aws-protocol", protocol), ("x-aws-certificate", Certificate), ("x-aws-redirect", redirect));
        Assert.Contains(expected, Assert.Single(Transform.Errors(Project(Service("web").Publishing(port)))));
    }

    [Fact]
    public void Redirect_from_a_published_port_is_an_error()
    {
        var web = Service("web").Publishing(Https(443, 8080, ("x-aws-redirect", "80")), Port(80, 8080));
        Assert.Contains("already published", Assert.Single(Transform.Errors(Project(web))));
    }

    [Fact]
    public void Redirect_on_a_network_load_balancer_is_refused_naming_the_port_that_made_it_one()
    {
        var project = Project(Service("web").Publishing(Https(443, 8080, ("x-aws-redirect", "80"))), Service("cache").Publishing(Port(6379, 6379)));
        var error = Assert.Single(Transform.Errors(project));
        Assert.Contains("x-aws-redirect: the port is a TLS listener on a Network Load Balancer (service \"cache\" publishes 6379/tcp, which is not HTTP)", error);
    }
}
