using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;
using ComposeEcs.Ecs;

namespace ComposeEcs.Deploy;

/// <summary>Where a deployed project can be reached: the endpoints its stack declares (see <see cref="Endpoints"/>).</summary>
public static class ServiceEndpoints
{
    public static Task<IReadOnlyList<Endpoint>> ReadAsync(AwsContext aws, Stack stack, CancellationToken cancellationToken) =>
        ReadAsync(aws.ElbV2, stack, cancellationToken);

    public static async Task<IReadOnlyList<Endpoint>> ReadAsync(ILoadBalancers loadBalancers, Stack stack, CancellationToken cancellationToken)
    {
        var outputs = StackOutputs.Of(stack);
        var existing = Endpoints.NeedExistingLoadBalancerDns(outputs.Select(o => o.Value))
            ? await ExistingLoadBalancerDnsAsync(loadBalancers, stack, cancellationToken).ConfigureAwait(false)
            : null;
        return Endpoints.Read(outputs, existing);
    }

    private static async Task<string?> ExistingLoadBalancerDnsAsync(ILoadBalancers loadBalancers, Stack stack, CancellationToken cancellationToken)
    {
        var arn = stack.Outputs.FirstOrDefault(o => o.Key == Endpoints.ExistingLoadBalancerOutput)?.Value;
        if (arn is null) return null;
        try
        {
            var balancers = await loadBalancers.DescribeLoadBalancersAsync(arns: [arn], cancellationToken: cancellationToken).ConfigureAwait(false);
            return balancers.FirstOrDefault()?.DnsName;
        }
        catch (AwsServiceException)
        {
            return null;
        }
    }
}
