using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Deploy;

/// <summary>A published port of a service, reachable through the project's load balancer.</summary>
public sealed record ServiceEndpoint(string Service, string Address);

/// <summary>Where a deployed project can be reached: the load balancer's DNS name with each published port.</summary>
public static class ServiceEndpoints
{
    /// <summary>
    /// The load balancer DNS name: an output whose value is an ELB host name or whose key mentions DNS, else the
    /// stack's own load balancer resource.
    /// </summary>
    public static async Task<string?> LoadBalancerDnsAsync(AwsContext aws, Stack stack, CancellationToken cancellationToken)
    {
        var output = stack.Outputs.FirstOrDefault(o => o.Value.EndsWith(".elb.amazonaws.com", StringComparison.OrdinalIgnoreCase))
            ?? stack.Outputs.FirstOrDefault(o => o.Key.Contains("dns", StringComparison.OrdinalIgnoreCase));
        if (output is not null) return output.Value;

        var resources = await aws.CloudFormation.DescribeStackResourcesAsync(stack.StackId, cancellationToken).ConfigureAwait(false);
        var arn = resources.FirstOrDefault(r => r.ResourceType == "AWS::ElasticLoadBalancingV2::LoadBalancer" && r.PhysicalResourceId is not null)?.PhysicalResourceId;
        if (arn is null) return null;
        try
        {
            var balancers = await aws.ElbV2.DescribeLoadBalancersAsync(arns: [arn], cancellationToken: cancellationToken).ConfigureAwait(false);
            return balancers.FirstOrDefault()?.DnsName;
        }
        catch (AwsServiceException)
        {
            return null;
        }
    }

    /// <summary>One address per published port, in service then port order.</summary>
    public static IReadOnlyList<ServiceEndpoint> For(ComposeProject project, string dnsName) =>
        project.Services.Values
            .SelectMany(s => s.Ports.Where(p => p.Published is not null).Select(p => new ServiceEndpoint(s.Name, Address(dnsName, p))))
            .Distinct()
            .ToList();

    /// <summary><c>http://dns:8080</c> for HTTP ports (80, 443, x-aws-protocol), <c>dns:5432/tcp</c> otherwise.</summary>
    public static string Address(string dnsName, ServicePort port)
    {
        var published = port.Published!.Split('-')[0];
        var protocol = port.Extensions.GetString("x-aws-protocol")?.ToLowerInvariant()
            ?? (published == "80" ? "http" : published == "443" ? "https" : null);
        return protocol switch
        {
            "http" => published == "80" ? $"http://{dnsName}" : $"http://{dnsName}:{published}",
            "https" => published == "443" ? $"https://{dnsName}" : $"https://{dnsName}:{published}",
            _ => $"{dnsName}:{published}/{port.Protocol}",
        };
    }
}
