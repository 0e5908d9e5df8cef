using ComposeEcs.CloudFormation.Tests;

namespace ComposeEcs.Ecs.Tests;

public class ExistingResourcesTests
{
    private const string Alb = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shared-alb/50dc6c495c0c9188";
    private const string Nlb = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/shared-nlb/a1b2c3d4e5f60718";

    private static Template Ok(ComposeProject project)
    {
        var template = Transform.Ok(project);
        TemplateAssert.Valid(template);
        return template;
    }

    [Theory]
    [InlineData("platform-shared", "platform-shared")]
    [InlineData("arn:aws:ecs:eu-west-1:123456789012:cluster/platform-shared", "platform-shared")]
    public void Existing_cluster_is_referenced_and_not_created(string cluster, string name)
    {
        var template = Ok(Project(Service("app")).WithExtensions(("x-aws-cluster", cluster)));
        Assert.Empty(template.OfType("AWS::ECS::Cluster"));
        Assert.Equal(new Str(cluster), template.Properties("AppService")["Cluster"]);
        Assert.Equal(new Str(name), template.Outputs["ClusterName"].Value);
    }

    [Fact]
    public void Existing_application_load_balancer_gets_http_listeners_and_no_load_balancer_resources()
    {
        var template = Ok(Project(Service("web").Publishing(Port(80, 80))).WithExtensions(("x-aws-loadbalancer", Alb)));
        Assert.Empty(template.OfType("AWS::ElasticLoadBalancingV2::LoadBalancer"));
        Assert.DoesNotContain(LogicalIds.LoadBalancerSecurityGroup, template.Resources.Keys);
        Assert.Equal(new Str(Alb), template.Properties("WebTCP80Listener")["LoadBalancerArn"]);
        Assert.Equal(new Str("HTTP"), template.Properties("WebTCP80Listener")["Protocol"]);
        Assert.Equal(new Str("10.0.0.0/8"), template.Properties("DefaultNetworkTCP80Ingress1")["CidrIp"]);
        Assert.DoesNotContain(template.Resources.Values, r => r.Properties.ToString().Contains("0.0.0.0/0", StringComparison.Ordinal));
    }

    [Fact]
    public void Existing_network_load_balancer_gets_tcp_listeners_even_for_port_80()
    {
        var template = Ok(Project(Service("web").Publishing(Port(80, 80))).WithExtensions(("x-aws-loadbalancer", Nlb)));
        Assert.Equal(new Str("TCP"), template.Properties("WebTCP80Listener")["Protocol"]);
        Assert.Equal(new Str(Nlb), template.Properties("WebTCP80Listener")["LoadBalancerArn"]);
    }

    [Fact]
    public void Load_balancer_by_bare_name_is_an_error_asking_for_the_arn()
    {
        var error = Assert.Single(Transform.Errors(Project(Service("web").Publishing(Port(80, 80))).WithExtensions(("x-aws-loadbalancer", "shared-alb"))));
        Assert.Contains("give the full ARN", error);
    }

    [Fact]
    public void Tcp_port_on_an_existing_application_load_balancer_is_an_error()
    {
        var db = Service("db").Publishing(Port(5432, 5432).WithExtensions(("x-aws-protocol", "tcp")));
        Assert.Contains("Application Load Balancer", Assert.Single(Transform.Errors(Project(db).WithExtensions(("x-aws-loadbalancer", Alb)))));
    }

    [Fact]
    public void Existing_security_group_replaces_the_network_group()
    {
        var project = Project(Service("app").OnNetworks("corp"));
        project = project with
        {
            Networks = Maps.From([KeyValuePair.Create("corp", new Network("corp") { Name = "demo_corp", Extensions = Ext(("x-aws-securitygroup", "sg-0123456789abcdef0")) })]),
        };
        var template = Ok(project);
        Assert.Empty(template.OfType("AWS::EC2::SecurityGroup"));
        Assert.Empty(template.OfType("AWS::EC2::SecurityGroupIngress"));
        Assert.Equal(new ListExpr("sg-0123456789abcdef0"), template.Properties("AppService").At("NetworkConfiguration.AwsvpcConfiguration.SecurityGroups"));
    }

    [Fact]
    public void Existing_security_group_admits_a_created_load_balancer()
    {
        var project = Project(Service("web").OnNetworks("corp").Publishing(Port(80, 8080)));
        project = project with
        {
            Networks = Maps.From([KeyValuePair.Create("corp", new Network("corp") { Name = "demo_corp", Extensions = Ext(("x-aws-securitygroup", "sg-0123456789abcdef0")) })]),
        };
        var ingress = Ok(project).Properties("CorpNetworkTCP8080Ingress");
        Assert.Equal(new Str("sg-0123456789abcdef0"), ingress["GroupId"]);
        Assert.Equal(Fn.Ref(LogicalIds.LoadBalancerSecurityGroup), ingress["SourceSecurityGroupId"]);
    }

    [Fact]
    public void Vpc_without_subnets_is_an_error()
    {
        Assert.Contains("x-aws-subnets", Assert.Single(Transform.Errors(Project(Service("app")).WithExtensions(("x-aws-vpc", "vpc-0a1b2c3d4e5f60718")))));
    }
}
