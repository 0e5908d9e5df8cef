namespace ComposeEcs.Ecs.Tests;

public class LoadBalancingTests
{
    private static Expr? Type(Template t) => t.Properties("LoadBalancer")["Type"];

    [Fact]
    public void Published_port_80_gets_an_application_load_balancer()
    {
        var template = Transform.Ok(Project(Service("web").Publishing(Port(80, 80))));
        Assert.Equal(new Str("application"), Type(template));
        Assert.Equal(new Str("HTTP"), template.Properties("WebTCP80Listener")["Protocol"]);
        Assert.Equal(new Str("HTTP"), template.Properties("WebTCP80TargetGroup")["Protocol"]);
    }

    [Fact]
    public void Published_port_443_gets_an_application_load_balancer()
    {
        Assert.Equal(new Str("application"), Type(Transform.Ok(Project(Service("web").Publishing(Port(443, 443))))));
    }

    [Fact]
    public void Plain_http_on_443_is_a_warning_suggesting_a_certificate()
    {
        var warning = Assert.Single(Transform.Warnings(Project(Service("web").Publishing(Port(443, 443)))));
        Assert.StartsWith("service \"web\": ports: 443:", warning.Message);
        Assert.Contains("x-aws-certificate", warning.Message);
    }

    [Fact]
    public void X_aws_protocol_http_on_any_port_gets_an_application_load_balancer()
    {
        var web = Service("web").Publishing(Port(8080, 3000).WithExtensions(("x-aws-protocol", "http")));
        Assert.Equal(new Str("application"), Type(Transform.Ok(Project(web))));
    }

    [Fact]
    public void Mixed_http_and_tcp_ports_get_a_network_load_balancer()
    {
        var template = Transform.Ok(Project(Service("web").Publishing(Port(80, 80)), Service("mqtt").Publishing(Port(1883, 1883))));
        Assert.Equal(new Str("network"), Type(template));
        Assert.Equal(new Str("TCP"), template.Properties("WebTCP80Listener")["Protocol"]);
        Assert.Equal(new Str("TCP"), template.Properties("MqttTCP1883TargetGroup")["Protocol"]);
        Assert.Null(template.Properties("MqttTCP1883TargetGroup")["HealthCheckPath"]);
    }

    [Fact]
    public void Udp_port_gets_a_udp_listener_on_a_network_load_balancer()
    {
        var template = Transform.Ok(Project(Service("dns").Publishing(Port(53, 53, "udp"))));
        Assert.Equal(new Str("network"), Type(template));
        Assert.Equal(new Str("UDP"), template.Properties("DnsUDP53Listener")["Protocol"]);
        Assert.Equal(new Str("UDP"), template.Properties("DnsUDP53TargetGroup")["Protocol"]);
        Assert.Equal(new Str("udp"), template.Properties("LoadBalancerSecurityGroup").At("SecurityGroupIngress.0.IpProtocol"));
    }

    [Fact]
    public void Asymmetric_port_listens_on_the_published_port_and_forwards_to_the_target_port()
    {
        var template = Transform.Ok(Project(Service("web").Publishing(Port(80, 8080))));
        var listener = template.Properties("WebTCP80Listener");
        Assert.Equal(new Num("80"), listener["Port"]);
        Assert.Equal(Fn.Ref("WebTCP8080TargetGroup"), listener.At("DefaultActions.0.ForwardConfig.TargetGroups.0.TargetGroupArn"));
        Assert.Equal(new Str("forward"), listener.At("DefaultActions.0.Type"));
        var group = template.Properties("WebTCP8080TargetGroup");
        Assert.Equal(new Num("8080"), group["Port"]);
        Assert.Equal(new Str("ip"), group["TargetType"]);
        var service = template.Properties("WebService");
        Assert.Equal(new Num("8080"), service.At("LoadBalancers.0.ContainerPort"));
        Assert.Equal(new Str("web"), service.At("LoadBalancers.0.ContainerName"));
    }

    [Fact]
    public void Application_target_groups_pass_health_checks_for_apps_without_a_root_page()
    {
        var group = Transform.Ok(Project(Service("web").Publishing(Port(80, 80)))).Properties("WebTCP80TargetGroup");
        Assert.Equal(new Str("/"), group["HealthCheckPath"]);
        Assert.Equal(new Str("200-499"), group.At("Matcher.HttpCode"));
    }

    [Fact]
    public void Load_balancer_security_group_is_open_on_the_listener_ports_only()
    {
        var template = Transform.Ok(Project(Service("proxy").Publishing(Port(80, 8080), Port(443, 8443))));
        var rules = template.Properties("LoadBalancerSecurityGroup").At("SecurityGroupIngress").Items();
        Assert.Equal([80, 443], rules.Select(r => int.Parse(((Num)r.At("FromPort")!).Text)).Order().ToArray());
        Assert.All(rules, r => Assert.Equal(new Str("0.0.0.0/0"), r.At("CidrIp")));
        Assert.All(rules, r => Assert.Equal(r.At("FromPort"), r.At("ToPort")));
        Assert.Equal([Fn.Ref("LoadBalancerSecurityGroup")], template.Properties("LoadBalancer").At("SecurityGroups").Items());
    }

    [Fact]
    public void Service_network_accepts_the_target_port_from_the_load_balancer_only()
    {
        var template = Transform.Ok(Project(Service("web").Publishing(Port(80, 8080))));
        var rule = template.Properties("DefaultNetworkTCP8080Ingress");
        Assert.Equal(Fn.Ref("DefaultNetwork"), rule["GroupId"]);
        Assert.Equal(Fn.Ref("LoadBalancerSecurityGroup"), rule["SourceSecurityGroupId"]);
        Assert.Equal(new Num("8080"), rule["FromPort"]);
        Assert.Equal(new Num("8080"), rule["ToPort"]);
        Assert.Null(rule["CidrIp"]);
    }

    [Fact]
    public void Network_load_balancer_has_a_security_group_too()
    {
        var template = Transform.Ok(Project(Service("broker").Publishing(Port(1883, 1883))));
        Assert.Equal([Fn.Ref("LoadBalancerSecurityGroup")], template.Properties("LoadBalancer").At("SecurityGroups").Items());
        Assert.Contains("DefaultNetworkTCP1883Ingress", template.Resources.Keys);
    }

    [Fact]
    public void Each_published_port_gets_its_own_listener()
    {
        var template = Transform.Ok(Project(Service("proxy").Publishing(Port(80, 80), Port(443, 443))));
        Assert.Equal(["ProxyTCP443Listener", "ProxyTCP80Listener"], template.OfType("AWS::ElasticLoadBalancingV2::Listener").ToArray());
        Assert.Equal(["ProxyTCP443TargetGroup", "ProxyTCP80TargetGroup"], template.OfType("AWS::ElasticLoadBalancingV2::TargetGroup").ToArray());
    }

    [Fact]
    public void Two_published_ports_to_one_target_port_share_a_target_group()
    {
        var template = Transform.Ok(Project(Service("web").Publishing(Port(80, 8080), Port(8080, 8080).WithExtensions(("x-aws-protocol", "http")))));
        Assert.Equal(["WebTCP8080TargetGroup"], template.OfType("AWS::ElasticLoadBalancingV2::TargetGroup").ToArray());
        Assert.Single(template.Properties("WebService").At("LoadBalancers").Items());
    }

    [Fact]
    public void Service_waits_for_its_listeners()
    {
        var template = Transform.Ok(Project(Service("proxy").Publishing(Port(80, 80), Port(443, 443))));
        Assert.Equal(["ProxyTCP443Listener", "ProxyTCP80Listener"], template.Resources["ProxyService"].DependsOn.ToArray());
    }

    [Fact]
    public void Load_balancer_dns_name_is_an_output()
    {
        var template = Transform.Ok(Project(Service("web").Publishing(Port(80, 80))));
        Assert.Equal(Fn.GetAtt("LoadBalancer", "DNSName"), template.Outputs["LoadBalancerDnsName"].Value);
    }

    [Fact]
    public void No_published_port_means_no_load_balancer()
    {
        var template = Transform.Ok(Project(Service("worker") with { Expose = ["9000"] }));
        Assert.Empty(template.OfType("AWS::ElasticLoadBalancingV2::LoadBalancer"));
        Assert.DoesNotContain("LoadBalancerDnsName", template.Outputs.Keys);
        Assert.DoesNotContain("LoadBalancerSecurityGroup", template.Resources.Keys);
    }

    [Fact]
    public void Https_with_a_certificate_gets_an_https_listener()
    {
        const string arn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b";
        var web = Service("web").Publishing(Port(443, 8080).WithExtensions(("x-aws-protocol", "https"), ("x-aws-certificate", arn)));
        var template = Transform.Ok(Project(web));
        var listener = template.Properties("WebTCP443Listener");
        Assert.Equal(new Str("HTTPS"), listener["Protocol"]);
        Assert.Equal(new Str(arn), listener.At("Certificates.0.CertificateArn"));
        Assert.Equal(new Str("ELBSecurityPolicy-TLS13-1-2-2021-06"), listener["SslPolicy"]);
        Assert.Equal(new Str("HTTP"), template.Properties("WebTCP8080TargetGroup")["Protocol"]);
    }

    [Fact]
    public void Https_without_a_certificate_is_an_error()
    {
        var web = Service("web").Publishing(Port(443, 8080).WithExtensions(("x-aws-protocol", "https")));
        Assert.Contains(Transform.Errors(Project(web)), e => e.Contains("x-aws-certificate") && e.Contains("service \"web\""));
    }

    [Fact]
    public void Two_services_publishing_the_same_port_is_an_error_naming_both()
    {
        var errors = Transform.Errors(Project(Service("blue").Publishing(Port(80, 80)), Service("green").Publishing(Port(80, 8080))));
        var error = Assert.Single(errors);
        Assert.Contains("\"blue\"", error);
        Assert.Contains("\"green\"", error);
    }

    [Fact]
    public void Unknown_x_aws_protocol_is_an_error()
    {
        var web = Service("web").Publishing(Port(80, 80).WithExtensions(("x-aws-protocol", "gopher")));
        Assert.Contains(Transform.Errors(Project(web)), e => e.Contains("gopher"));
    }

    [Fact]
    public void Tls_on_a_network_load_balancer_uses_the_modern_ssl_policy()
    {
        var broker = Service("broker").Publishing(
            Port(8883, 1883).WithExtensions(("x-aws-protocol", "tls"), ("x-aws-certificate", "arn:aws:acm:us-east-1:123456789012:certificate/9f8e")),
            Port(1883, 1883));
        var template = Transform.Ok(Project(broker));
        Assert.Equal(new Str("TLS"), template.Properties("BrokerTCP8883Listener")["Protocol"]);
        Assert.Equal(new Str("ELBSecurityPolicy-TLS13-1-2-2021-06"), template.Properties("BrokerTCP8883Listener")["SslPolicy"]);
        Assert.Null(template.Properties("BrokerTCP1883Listener")["SslPolicy"]);
    }

    [Fact]
    public void Published_port_0_is_an_error_naming_service_and_field()
    {
        var error = Assert.Single(Transform.Errors(Project(Service("web").Publishing(Port(0, 80)))));
        Assert.StartsWith("service \"web\": ports: 0:80/tcp:", error);
        Assert.Contains("1 and 65535", error);
    }

    [Fact]
    public void More_listeners_than_the_default_quota_is_a_warning()
    {
        var services = Enumerable.Range(0, 51).Select(i => Service($"s{i}").Publishing(Port(10000 + i, 8080))).ToArray();
        var warning = Assert.Single(Transform.Warnings(Project(services)), w => w.Message.Contains("need as many listeners", StringComparison.Ordinal));
        Assert.StartsWith("service \"s9\": ports: 10009/tcp: the project publishes 51 ports", warning.Message);
    }
}
