using System.Collections.Immutable;
using ComposeEcs.CloudFormation;

namespace ComposeEcs.Ecs;

/// <summary>Where a published port of a service is reached from outside: <c>http://…elb.amazonaws.com:8080</c>.</summary>
public sealed record Endpoint(string Service, string Address);

/// <summary>
/// The contract between convert and deploy for published ports: one stack output per listener, whose value is the
/// address as the listener serves it (scheme from the listener protocol the transform chose, not re-derived from the
/// compose port) and whose description names the compose service. <c>up</c> and <c>ps</c> read them back with
/// <see cref="Read"/>, so what they print is what the load balancer does.
/// </summary>
public static class Endpoints
{
    private const string DescriptionPrefix = "compose-ecs endpoint of service ";

    /// <summary>
    /// Stands for the DNS name of an <c>x-aws-loadbalancer</c> the template does not own (it cannot <c>GetAtt</c> it);
    /// <see cref="Read"/> replaces it with the name the caller looked up.
    /// </summary>
    public const string ExistingLoadBalancerDns = "{LoadBalancerDNSName}";

    /// <summary>The output naming an existing load balancer's ARN, so deploy can look its DNS name up.</summary>
    public const string ExistingLoadBalancerOutput = "ExistingLoadBalancerArn";

    internal static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        if (context.LoadBalancer is not { } lb) return new Template();
        var outputs = Sorted.Empty<Output>();
        foreach (var port in lb.Ports.DistinctBy(p => p.ListenerId))
        {
            var host = lb.Existing ? ExistingLoadBalancerDns : $"${{{LogicalIds.LoadBalancer}.DNSName}}";
            Expr address = lb.Existing ? Address(host, port) : Fn.Sub(Address(host, port));
            outputs = outputs.Add(LogicalIds.Endpoint(port.Service, port.Protocol, port.Published),
                new Output(address) { Description = DescriptionPrefix + port.Service });
        }
        if (lb.Existing)
            outputs = outputs.Add(ExistingLoadBalancerOutput, new Output(lb.Arn) { Description = "The existing load balancer (x-aws-loadbalancer) the published ports are on" });
        return new Template { Outputs = outputs };
    }

    /// <summary><c>http://host</c> on 80, <c>https://host</c> on 443, <c>http://host:8080</c>, or <c>host:5432/tcp</c> for TCP, UDP and TLS.</summary>
    private static string Address(string host, PublishedPort port) => (port.Scheme, port.Published) switch
    {
        ("http", 80) or ("https", 443) => $"{port.Scheme}://{host}",
        ({ } scheme, var p) => $"{scheme}://{host}:{p}",
        (null, var p) => $"{host}:{p}/{port.Protocol}",
    };

    /// <summary>The endpoints a deployed stack declares, in service then output order.</summary>
    /// <param name="outputs">The stack's outputs: key, value, description.</param>
    /// <param name="existingLoadBalancerDns">The DNS name of an existing load balancer, when the project uses one.</param>
    public static IReadOnlyList<Endpoint> Read(IEnumerable<(string Key, string Value, string? Description)> outputs, string? existingLoadBalancerDns = null) =>
        [.. outputs
            .Where(o => o.Description?.StartsWith(DescriptionPrefix, StringComparison.Ordinal) == true)
            .Where(o => existingLoadBalancerDns is not null || !o.Value.Contains(ExistingLoadBalancerDns, StringComparison.Ordinal))
            .OrderBy(o => o.Description, StringComparer.Ordinal).ThenBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new Endpoint(o.Description![DescriptionPrefix.Length..],
                o.Value.Replace(ExistingLoadBalancerDns, existingLoadBalancerDns ?? "", StringComparison.Ordinal)))];

    /// <summary>True when some endpoint needs the DNS name of an existing load balancer to be printed.</summary>
    public static bool NeedExistingLoadBalancerDns(IEnumerable<string> outputValues) =>
        outputValues.Any(v => v.Contains(ExistingLoadBalancerDns, StringComparison.Ordinal));
}
