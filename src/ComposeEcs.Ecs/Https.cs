using System.Collections.Immutable;
using System.Globalization;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ec2;
using ComposeEcs.CloudFormation.Resources.ElasticLoadBalancingV2;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// HTTPS beyond the listener itself (which <see cref="LoadBalancing"/> builds from <c>x-aws-protocol: https</c> and
/// <c>x-aws-certificate</c>, or TLS on a Network Load Balancer): <c>x-aws-redirect: "80"</c> on an HTTPS port adds an
/// HTTP listener on port 80 answering every request with a 301 to the same URL over HTTPS, and opens that port on the
/// load balancer's security group.
/// </summary>
internal static class Https
{
    internal sealed record Redirect(string Service, int From, int To)
    {
        public string ListenerId => $"{LogicalIds.Normalize(Service)}HTTP{From}RedirectListener";
        public string IngressId => $"LoadBalancerHTTP{From}RedirectIngress";
    }

    /// <summary>The redirects the load balancer's HTTPS listeners carry (decided with the listener, <see cref="PublishedPort.RedirectFrom"/>).</summary>
    public static ImmutableArray<Redirect> Redirects(LoadBalancerShape lb) =>
        [.. lb.Ports.Where(p => p.RedirectFrom is not null).Select(p => new Redirect(p.Service, p.RedirectFrom!.Value, p.Published)).OrderBy(r => r.From)];

    /// <summary>A redirect (well-formed, on an https port: <see cref="PortBinding"/>) needs an HTTPS listener and a free port.</summary>
    public static IEnumerable<Diagnostic> Check(ComposeProject project, AwsSettings aws)
    {
        var published = project.Services.Values.SelectMany(s => s.Ports.Where(p => p.Protocol == "tcp").Select(p => Ports.Published(p))).ToHashSet();
        var https = LoadBalancing.Shape(project, aws)?.Ports.Where(p => p.ListenerProtocol == "HTTPS").Select(p => (p.Service, p.Published)).ToHashSet() ?? [];
        var seen = new HashSet<int>();
        foreach (var service in project.Services.Values)
        foreach (var (port, (from, at)) in aws.Of(service).Ports.Where(p => p.RedirectFrom is not null).Select(p => (p.Port, p.RedirectFrom!)))
        {
            var where = $"service \"{service.Name}\": ports: {port.Published ?? "-"}:{port.Target}: {AwsExtensions.Redirect}";
            if (!https.Contains((service.Name, Ports.Published(port) ?? port.Target)))
                yield return Diagnostic.Error(DiagnosticCodes.HttpsRedirect,
                    $"{where}: the port is a TLS listener on a Network Load Balancer ({NetworkBecause(project, aws)}), which cannot redirect " +
                    "(only Application Load Balancers have redirect actions); serve the redirect from the container, or make every published port HTTP", at);
            else if (published.Contains(from))
                yield return Diagnostic.Error(DiagnosticCodes.HttpsRedirect, $"{where}: port {from} is already published by a service; it cannot also redirect", at);
            else if (!seen.Add(from))
                yield return Diagnostic.Error(DiagnosticCodes.HttpsRedirect, $"{where}: port {from} already redirects to another HTTPS port", at);
        }
    }

    /// <summary>Why the project's load balancer is a Network Load Balancer, for the redirect error.</summary>
    private static string NetworkBecause(ComposeProject project, AwsSettings aws)
    {
        if (aws.LoadBalancer is not null) return $"the {AwsExtensions.LoadBalancer} load balancer is one";
        if (project.Services.Values.SelectMany(s => aws.Of(s).Ports.Select(p => (s.Name, Port: p))).FirstOrDefault(p => !Ports.IsHttpListener(p.Port)) is not ({ } service, { Port: var port })) return "another published port is not HTTP";
        return $"service \"{service}\" publishes {Ports.Published(port) ?? port.Target}/{port.Protocol}, which is not HTTP";
    }

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        if (context.LoadBalancer is not { IsApplication: true } lb) return new Template();
        var resources = Sorted.Empty<Resource>();
        foreach (var redirect in Redirects(lb))
        {
            resources = resources.Add(redirect.ListenerId, Resource.Of(new Listener
            {
                LoadBalancerArn = lb.Arn,
                Port = redirect.From,
                Protocol = "HTTP",
                DefaultActions =
                [
                    new CloudFormation.Resources.ElasticLoadBalancingV2.Action
                    {
                        Type = "redirect",
                        RedirectConfig = new RedirectConfig
                        {
                            StatusCode = "HTTP_301",
                            Protocol = "HTTPS",
                            Port = redirect.To.ToString(CultureInfo.InvariantCulture),
                        },
                    },
                ],
            }));
            if (!lb.Existing)
                resources = resources.Add(redirect.IngressId, Resource.Of(new SecurityGroupIngress
                {
                    GroupId = Fn.Ref(LogicalIds.LoadBalancerSecurityGroup),
                    IpProtocol = "tcp",
                    FromPort = redirect.From,
                    ToPort = redirect.From,
                    CidrIp = "0.0.0.0/0",
                    Description = $"listener {redirect.From}/tcp (redirect to HTTPS)",
                }));
        }
        return new Template { Resources = resources };
    }
}
