using System.Collections.Immutable;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// Who can reach the published ports. The load balancer is internet-facing and its security group admits 0.0.0.0/0 on
/// every listener, which is what <c>ports:</c> means for a web server but rarely for a database: a plain TCP or UDP
/// port (<c>5432:5432</c>) warns at its line. <c>x-aws-loadbalancer-scheme: internal</c> keeps the load balancer
/// inside the VPC (an internal load balancer has only private addresses,
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#load-balancer-scheme);
/// a port bound to a loopback host IP (<c>127.0.0.1:5432:5432</c>) is not on the load balancer at all
/// (<see cref="HostSettings"/>), and other services reach every port by the service's name anyway.
/// </summary>
internal static class PublicPorts
{
    /// <summary>Servers people publish by habit from a local compose file, named in the warning.</summary>
    private static readonly ImmutableSortedDictionary<int, string> KnownServers = new Dictionary<int, string>
    {
        [1433] = "SQL Server", [2181] = "ZooKeeper", [3306] = "MySQL", [5432] = "PostgreSQL", [5672] = "RabbitMQ", [6379] = "Redis",
        [9092] = "Kafka", [9200] = "Elasticsearch", [11211] = "Memcached", [27017] = "MongoDB",
    }.ToImmutableSortedDictionary();

    public static IEnumerable<Diagnostic> Check(ComposeProject project, AwsSettings aws)
    {
        if (aws.InternalLoadBalancer || LoadBalancing.Shape(project, aws) is not { Existing: false } lb) yield break;
        // A web port that became TCP because another port made the load balancer a Network Load Balancer is still a web
        // server meant to be public.
        foreach (var port in lb.Ports.Where(p => p.ListenerProtocol is "TCP" or "UDP" or "TCP_UDP" && !p.Web))
        {
            // So is a port the service's own healthcheck requests over HTTP (Umami's curl http://localhost:3000/...):
            // the app's web UI, published on purpose. Elasticsearch answers HTTP too, so a known server still warns.
            if (!KnownServers.ContainsKey(port.Target) && HealthcheckProbe.Of(project.Services[port.Service].Healthcheck, port.Target) is not null) continue;
            var server = KnownServers.TryGetValue(port.Target, out var name) || KnownServers.TryGetValue(port.Published, out name) ? $" ({name})" : "";
            yield return Diagnostic.Warning(DiagnosticCodes.PortCaveat,
                $"service \"{port.Service}\": ports: {port.Published}/{port.Protocol}{server} is published on an internet-facing load balancer open to 0.0.0.0/0: " +
                $"anyone on the internet can connect to it. If only the project's services need it, drop it from ports (they reach {port.Service}:{port.Target} by name) " +
                $"or bind it to 127.0.0.1; to keep the load balancer inside the VPC, set {AwsExtensions.LoadBalancerScheme}: internal",
                port.Location ?? project.Services[port.Service].LocationOf("ports"));
        }
    }
}
