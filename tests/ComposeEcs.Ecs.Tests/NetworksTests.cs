namespace ComposeEcs.Ecs.Tests;

public class NetworksTests
{
    [Fact]
    public void Vpc_and_subnets_are_template_parameters_by_default()
    {
        var template = Transform.Ok(Project(Service("web")));
        Assert.Equal("AWS::EC2::VPC::Id", template.Parameters["VpcId"].Type);
        Assert.Equal("List<AWS::EC2::Subnet::Id>", template.Parameters["SubnetIds"].Type);
        Assert.Equal(Fn.Ref("SubnetIds"), template.Properties("WebService").At("NetworkConfiguration.AwsvpcConfiguration.Subnets"));
        Assert.Equal(Fn.Ref("VpcId"), template.Properties("DefaultNetwork")["VpcId"]);
    }

    [Fact]
    public void X_aws_vpc_and_subnets_become_literal_values_and_the_parameters_disappear()
    {
        var project = Project(Service("web").Publishing(Port(80, 80)))
            .WithExtensions(("x-aws-vpc", "vpc-0a1b"), ("x-aws-subnets", List("subnet-1", "subnet-2")));
        var template = Transform.Ok(project);
        Assert.Empty(template.Parameters);
        var subnets = new ListExpr("subnet-1", "subnet-2");
        Assert.Equal(subnets, template.Properties("WebService").At("NetworkConfiguration.AwsvpcConfiguration.Subnets"));
        Assert.Equal(subnets, template.Properties("LoadBalancer")["Subnets"]);
        Assert.Equal(new Str("vpc-0a1b"), template.Properties("DefaultNetwork")["VpcId"]);
        Assert.Equal(new Str("vpc-0a1b"), template.Properties("WebTCP80TargetGroup")["VpcId"]);
        Assert.Equal(new Str("vpc-0a1b"), template.Properties("CloudMap")["Vpc"]);
    }

    [Fact]
    public void X_aws_vpc_without_subnets_is_an_error()
    {
        var error = Assert.Single(Transform.Errors(Project(Service("app")).WithExtensions(("x-aws-vpc", "vpc-0a1b"))));
        Assert.Contains("x-aws-subnets", error);
    }

    [Fact]
    public void Each_used_network_gets_a_security_group_whose_members_talk_to_each_other()
    {
        var template = Transform.Ok(Project(Service("web")));
        Assert.Equal(["DefaultNetwork"], template.OfType("AWS::EC2::SecurityGroup").ToArray());
        var rule = template.Properties("DefaultNetworkIngress");
        Assert.Equal(Fn.Ref("DefaultNetwork"), rule["GroupId"]);
        Assert.Equal(Fn.Ref("DefaultNetwork"), rule["SourceSecurityGroupId"]);
        Assert.Equal(new Str("-1"), rule["IpProtocol"]);
        Assert.Contains(new Tag("com.docker.compose.network", "demo_default").ToExpr(), template.Properties("DefaultNetwork").At("Tags").Items());
    }

    [Fact]
    public void A_service_task_joins_the_groups_of_all_its_networks()
    {
        var template = Transform.Ok(Project(
            Service("front").OnNetworks("frontend"),
            Service("api").OnNetworks("frontend", "backend"),
            Service("db").OnNetworks("backend")));
        Assert.Equal(["BackendNetwork", "FrontendNetwork"], template.OfType("AWS::EC2::SecurityGroup").ToArray());
        Assert.Equal([Fn.Ref("BackendNetwork"), Fn.Ref("FrontendNetwork")],
            template.Properties("ApiService").At("NetworkConfiguration.AwsvpcConfiguration.SecurityGroups").Items());
        Assert.Equal([Fn.Ref("BackendNetwork")],
            template.Properties("DbService").At("NetworkConfiguration.AwsvpcConfiguration.SecurityGroups").Items());
    }

    [Fact]
    public void A_declared_network_no_service_joins_gets_no_security_group()
    {
        var project = Project(Service("web"));
        project = project with { Networks = project.Networks.Add("unused", new Network("unused") { Name = "demo_unused" }) };
        Assert.DoesNotContain("UnusedNetwork", Transform.Ok(project).Resources.Keys);
    }

    [Fact]
    public void Tasks_get_a_public_ip_to_pull_images_without_a_nat_gateway()
    {
        var template = Transform.Ok(Project(Service("web")));
        Assert.Equal(new Str("ENABLED"), template.Properties("WebService").At("NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp"));
    }
}

public class SubnetCountTests
{
    [Fact]
    public void One_subnet_is_an_error_when_an_application_load_balancer_needs_two()
    {
        var project = Project(Service("web").Publishing(Port(80, 80))).WithExtensions(("x-aws-vpc", "vpc-0a1b"), ("x-aws-subnets", List("subnet-1")));
        Assert.Contains("two subnets", Assert.Single(Transform.Errors(project)));
    }

    [Fact]
    public void One_subnet_is_enough_without_a_load_balancer()
    {
        Transform.Ok(Project(Service("worker")).WithExtensions(("x-aws-vpc", "vpc-0a1b"), ("x-aws-subnets", List("subnet-1"))));
    }
}
