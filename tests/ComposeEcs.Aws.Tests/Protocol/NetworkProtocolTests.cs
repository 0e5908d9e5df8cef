using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Aws.Tests.Protocol;

/// <summary>ELBv2, EC2, SSM and STS against the emulator.</summary>
public sealed class NetworkProtocolTests(DeployedDemo demo) : IClassFixture<DeployedDemo>
{
    [Fact]
    public async Task Describe_load_balancers_by_name()
    {
        var lb = Assert.Single(await demo.Aws.ElbV2.DescribeLoadBalancersAsync(names: ["demo-lb"]));

        Assert.Equal("demo-lb", lb.LoadBalancerName);
        Assert.EndsWith(".elb.amazonaws.com", lb.DnsName, StringComparison.Ordinal);
        Assert.Contains(":loadbalancer/app/demo-lb/", lb.LoadBalancerArn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_listeners_follows_next_marker()
    {
        var lb = (await demo.Aws.ElbV2.DescribeLoadBalancersAsync(names: ["demo-lb"])).Single();
        var before = Count("DescribeListeners");

        var listeners = await demo.Aws.ElbV2.DescribeListenersAsync(lb.LoadBalancerArn);

        Assert.Equal([80, 8080, 9090], listeners.Select(l => l.Port).Order());
        Assert.All(listeners, l => Assert.Equal(("HTTP", lb.LoadBalancerArn), (l.Protocol, l.LoadBalancerArn)));
        Assert.Equal(2, Count("DescribeListeners") - before);
    }

    [Fact]
    public async Task An_unknown_load_balancer_is_a_query_error_with_its_code()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => demo.Aws.ElbV2.DescribeLoadBalancersAsync(names: ["ghost"]));
        Assert.Equal("LoadBalancerNotFound", error.Code);
        Assert.Equal("elasticloadbalancing", error.Service);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task Default_vpc_and_its_default_subnets()
    {
        var before = Count("DescribeSubnets");

        var vpc = await demo.Aws.Ec2.FindDefaultVpcAsync();
        var subnets = await demo.Aws.Ec2.DefaultSubnetsAsync(vpc!.VpcId);

        Assert.Equal("vpc-0default", vpc.VpcId);
        Assert.True(vpc.IsDefault);
        Assert.Equal(3, subnets.Count);
        Assert.All(subnets, s => Assert.True(s.DefaultForAz && s.VpcId == vpc.VpcId));
        Assert.Equal(subnets.Select(s => s.AvailabilityZone).Order(StringComparer.Ordinal), subnets.Select(s => s.AvailabilityZone));
        Assert.Equal(2, Count("DescribeSubnets") - before);

        var body = demo.Emulated.Server.Requests.Last(r => r.Action == "DescribeSubnets").Body;
        Assert.Contains("Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-0default&Filter.2.Name=default-for-az&Filter.2.Value.1=true", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subnets_of_an_unknown_vpc_are_empty()
    {
        Assert.Empty(await demo.Aws.Ec2.DescribeSubnetsAsync([new Ec2Filter("vpc-id", "vpc-nope")]));
    }

    [Fact]
    public async Task Get_parameter_reads_a_value_and_reports_missing_ones()
    {
        demo.Emulated.Server.PutParameter("/test/ami", "ami-0123");

        var parameter = await demo.Aws.Ssm.GetParameterAsync("/test/ami");
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => demo.Aws.Ssm.GetParameterAsync("/test/missing"));

        Assert.Equal(("/test/ami", "ami-0123"), (parameter.Name, parameter.Value));
        Assert.Equal("ParameterNotFound", error.Code);
    }

    [Fact]
    public async Task Caller_identity_names_the_account()
    {
        var identity = await demo.Aws.Sts.GetCallerIdentityAsync();
        Assert.Equal("123456789012", identity.Account);
        Assert.StartsWith("arn:aws:", identity.Arn, StringComparison.Ordinal);
    }

    private int Count(string action) => demo.Emulated.Server.Requests.Count(r => r.Action == action);
}
