using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy.Tests.InMemory;

/// <summary>What <c>ps</c> reads and how it names things, with CloudFormation, ECS and ELB in memory.</summary>
public sealed class StatusDecisionsTests
{
    private const string Cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/shared";
    private const string Arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shared/50dc6c495c0c9188";
    private readonly InMemoryStacks _cfn = new();
    private readonly InMemoryEcs _ecs = new();

    [Fact]
    public async Task A_project_that_is_not_deployed_has_no_status_and_ecs_is_not_asked()
    {
        var status = await new ProjectStatusReader(_cfn, _ecs, new InMemoryLoadBalancers()).ReadAsync("shop", null, includeTasks: true, CancellationToken.None);

        Assert.Null(status.StackStatus);
        Assert.Empty(_ecs.Calls);
    }

    [Fact]
    public async Task Services_on_an_existing_cluster_are_read_from_it_with_the_endpoints_the_stack_declares()
    {
        // x-aws-cluster and x-aws-loadbalancer: no cluster resource in the stack, the endpoint needs the LB's DNS name.
        _cfn.Existing("shop", "CREATE_COMPLETE",
            new StackOutput("WebTCP80Endpoint", "http://{LoadBalancerDNSName}", "compose-ecs endpoint of service web", null),
            new StackOutput("ExistingLoadBalancerArn", Arn, null, null));
        _cfn.Resources.Add(new StackResource("WebService", $"arn:aws:ecs:us-east-1:123456789012:service/shared/shop-web", "AWS::ECS::Service", "CREATE_COMPLETE", null, null));
        _ecs.Services.Add(new EcsService("arn:aws:ecs:us-east-1:123456789012:service/shared/shop-web", "shop-web", Cluster, "ACTIVE", 2, 1, 1, "FARGATE", null, [], []));
        var project = new Compose.Model.ComposeProject { Name = "shop", WorkingDirectory = "/work/shop", Services = Compose.Model.Maps.Empty<Compose.Model.Service>().Add("web", new Compose.Model.Service { Name = "web" }) };

        var status = await new ProjectStatusReader(_cfn, _ecs, new InMemoryLoadBalancers(("shared.example", Arn)))
            .ReadAsync("shop", project, includeTasks: false, CancellationToken.None);

        Assert.Equal(["DescribeServices shared"], _ecs.Calls);
        Assert.Equal([new ServiceStatus("web", 2, 1, 1, "ACTIVE", ["http://shared.example"])], status.Services, new ServiceStatusComparer());
    }

    private sealed class ServiceStatusComparer : IEqualityComparer<ServiceStatus>
    {
        public bool Equals(ServiceStatus? x, ServiceStatus? y) => x is not null && y is not null && x with { Endpoints = [] } == y with { Endpoints = [] } && x.Endpoints.SequenceEqual(y.Endpoints);
        public int GetHashCode(ServiceStatus obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}

internal sealed class InMemoryEcs : IEcsServices
{
    public List<EcsService> Services { get; } = [];
    public List<string> Calls { get; } = [];

    public Task<DescribeResult<EcsService>> DescribeServicesAsync(string cluster, IEnumerable<string> services, CancellationToken cancellationToken = default)
    {
        Calls.Add($"DescribeServices {cluster}");
        var wanted = services.ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(new DescribeResult<EcsService>([.. Services.Where(s => wanted.Contains(s.ServiceArn))], []));
    }

    public Task<IReadOnlyList<string>> ListTasksAsync(string cluster, string? serviceName = null, string? desiredStatus = null, CancellationToken cancellationToken = default)
    {
        Calls.Add($"ListTasks {serviceName}");
        return Task.FromResult<IReadOnlyList<string>>([]);
    }

    public Task<DescribeResult<EcsTask>> DescribeTasksAsync(string cluster, IEnumerable<string> tasks, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DescribeResult<EcsTask>([], []));
}

internal sealed class InMemoryLoadBalancers(params (string Dns, string Arn)[] balancers) : ILoadBalancers
{
    public Task<IReadOnlyList<LoadBalancer>> DescribeLoadBalancersAsync(IEnumerable<string>? names = null, IEnumerable<string>? arns = null, CancellationToken cancellationToken = default)
    {
        var wanted = arns?.ToHashSet(StringComparer.Ordinal) ?? [];
        return Task.FromResult<IReadOnlyList<LoadBalancer>>([.. balancers.Where(b => wanted.Contains(b.Arn))
            .Select(b => new LoadBalancer(b.Arn, "shared", b.Dns, "application", "internet-facing", null, "active", []))]);
    }
}
