using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Clients;

public sealed record LoadBalancer(
    string LoadBalancerArn, string LoadBalancerName, string DnsName, string Type, string Scheme, string? VpcId, string? State,
    IReadOnlyList<string> SecurityGroups);

public sealed record Listener(string ListenerArn, string LoadBalancerArn, int Port, string Protocol);

/// <summary>The Elastic Load Balancing v2 operations compose-ecs uses (query protocol, 2015-12-01; pages by Marker).</summary>
public sealed class ElbV2Client(AwsTransport transport) : ILoadBalancers
{
    private readonly QueryProtocol _query = new(transport, AwsService.ElasticLoadBalancingV2, "2015-12-01");

    /// <summary>The named or given load balancers, or all of them when both lists are empty.</summary>
    public Task<IReadOnlyList<LoadBalancer>> DescribeLoadBalancersAsync(
        IEnumerable<string>? names = null, IEnumerable<string>? arns = null, CancellationToken cancellationToken = default)
    {
        var nameList = names?.ToList() ?? [];
        var arnList = arns?.ToList() ?? [];
        return Paging.All<LoadBalancer>(async (marker, ct) =>
        {
            var parameters = new QueryParameters().AddList("Names", nameList).AddList("LoadBalancerArns", arnList).Add("Marker", marker).Add("PageSize", 400);
            var result = await _query.CallAsync("DescribeLoadBalancers", parameters, ct).ConfigureAwait(false);
            return new Page<LoadBalancer>(result.List("LoadBalancers").Select(lb => new LoadBalancer(
                lb.TextOrEmpty("LoadBalancerArn"), lb.TextOrEmpty("LoadBalancerName"), lb.TextOrEmpty("DNSName"), lb.TextOrEmpty("Type"),
                lb.TextOrEmpty("Scheme"), lb.Text("VpcId"), lb.Child("State")?.Text("Code"),
                lb.List("SecurityGroups").Select(g => g.Value).ToList())).ToList(), result.Text("NextMarker"));
        }, cancellationToken).CollectAsync(cancellationToken);
    }

    public Task<IReadOnlyList<Listener>> DescribeListenersAsync(string loadBalancerArn, CancellationToken cancellationToken = default) =>
        Paging.All<Listener>(async (marker, ct) =>
        {
            var parameters = new QueryParameters().Add("LoadBalancerArn", loadBalancerArn).Add("Marker", marker).Add("PageSize", 400);
            var result = await _query.CallAsync("DescribeListeners", parameters, ct).ConfigureAwait(false);
            return new Page<Listener>(result.List("Listeners").Select(l => new Listener(
                l.TextOrEmpty("ListenerArn"), l.TextOrEmpty("LoadBalancerArn"), l.Int("Port") ?? 0, l.TextOrEmpty("Protocol"))).ToList(),
                result.Text("NextMarker"));
        }, cancellationToken).CollectAsync(cancellationToken);
}
