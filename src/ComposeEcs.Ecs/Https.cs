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
    public const string RedirectExtension = "x-aws-redirect";

    internal sealed record Redirect(string Service, int From, int To)
    {
        public string ListenerId => $"{LogicalIds.Normalize(Service)}HTTP{From}RedirectListener";
        public string IngressId => $"LoadBalancerHTTP{From}RedirectIngress";
    }

    /// <summary>The port <c>x-aws-redirect</c> names, when it is a valid port number.</summary>
    public static int? RedirectFrom(ServicePort port) =>
        int.TryParse(port.Extensions.GetString(RedirectExtension), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536 ? p : null;

    /// <summary>The redirects the load balancer's HTTPS listeners carry (decided with the listener, <see cref="PublishedPort.RedirectFrom"/>).</summary>
    public static ImmutableArray<Redirect> Redirects(LoadBalancerShape lb) =>
        [.. lb.Ports.Where(p => p.RedirectFrom is not null).Select(p => new Redirect(p.Service, p.RedirectFrom!.Value, p.Published)).OrderBy(r => r.From)];

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        var published = project.Services.Values.SelectMany(s => s.Ports.Where(p => p.Protocol == "tcp").Select(p => Ports.Published(p))).ToHashSet();
        var https = LoadBalancing.Shape(project)?.Ports.Where(p => p.ListenerProtocol == "HTTPS").Select(p => (p.Service, p.Published)).ToHashSet() ?? [];
        var seen = new HashSet<int>();
        foreach (var service in project.Services.Values)
        foreach (var port in service.Ports.Where(p => p.Extensions.Has(RedirectExtension)))
        {
            var where = $"service \"{service.Name}\": ports: {port.Published ?? "-"}:{port.Target}: {RedirectExtension}";
            if (RedirectFrom(port) is not { } from)
                yield return Diagnostic.Error(DiagnosticCodes.HttpsRedirect, $"{where}: must be the port number to redirect from, such as \"80\"", port.Extensions.At(RedirectExtension));
            else if (Ports.AwsProtocol(port) != "https")
                yield return Diagnostic.Error(DiagnosticCodes.HttpsRedirect, $"{where}: only an x-aws-protocol: https port can be redirected to", port.Extensions.At(RedirectExtension));
            else if (!https.Contains((service.Name, Ports.Published(port) ?? port.Target)))
                yield return Diagnostic.Error(DiagnosticCodes.HttpsRedirect, $"{where}: the port is a TLS listener on a Network Load Balancer (another published port is not HTTP), which cannot redirect", port.Extensions.At(RedirectExtension));
            else if (published.Contains(from))
                yield return Diagnostic.Error(DiagnosticCodes.HttpsRedirect, $"{where}: port {from} is already published by a service; it cannot also redirect", port.Extensions.At(RedirectExtension));
            else if (!seen.Add(from))
                yield return Diagnostic.Error(DiagnosticCodes.HttpsRedirect, $"{where}: port {from} already redirects to another HTTPS port", port.Extensions.At(RedirectExtension));
        }
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
