namespace ComposeEcs.Aws.Clients;

/// <summary>The load balancer lookup endpoints need (an existing <c>x-aws-loadbalancer</c>'s DNS name); <see cref="ElbV2Client"/> implements it.</summary>
public interface ILoadBalancers
{
    Task<IReadOnlyList<LoadBalancer>> DescribeLoadBalancersAsync(
        IEnumerable<string>? names = null, IEnumerable<string>? arns = null, CancellationToken cancellationToken = default);
}
