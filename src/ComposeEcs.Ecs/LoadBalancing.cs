using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ec2;
using ComposeEcs.CloudFormation.Resources.ElasticLoadBalancingV2;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;
using EcsLoadBalancer = ComposeEcs.CloudFormation.Resources.Ecs.LoadBalancer;
using ElbLoadBalancer = ComposeEcs.CloudFormation.Resources.ElasticLoadBalancingV2.LoadBalancer;

namespace ComposeEcs.Ecs;

/// <summary>
/// One published port: a listener on <see cref="Published"/> forwarding to <see cref="Target"/> of <see cref="Service"/>.
/// This is the one place a compose port's meaning is decided (<see cref="LoadBalancing.Shape"/>): the listener and
/// target protocols, the URL scheme clients use, whether the container speaks HTTP, the HTTPS redirect; the listener,
/// target group, endpoint output, port mapping and redirect emitters all read it.
/// </summary>
internal sealed record PublishedPort(string Service, int Published, int Target, string Protocol, string ListenerProtocol, string TargetProtocol, string? Certificate)
{
    /// <summary>The URL scheme the listener serves (<c>http</c>, <c>https</c>), or null for TCP, UDP and TLS listeners.</summary>
    public string? Scheme => ListenerProtocol switch { "HTTP" => "http", "HTTPS" => "https", _ => null };
    /// <summary><c>http</c> when the container speaks plain HTTP on <see cref="Target"/> (the port mapping's app protocol).</summary>
    public string? AppProtocol { get; init; }
    /// <summary>The port an <c>x-aws-redirect</c> answers with a 301 to this HTTPS listener.</summary>
    public int? RedirectFrom { get; init; }
    /// <summary>A web port (80, 443, <c>x-aws-protocol: http</c>...): an HTTP listener on an Application Load Balancer.</summary>
    public bool Web { get; init; }
    public string ListenerId => LogicalIds.Listener(Service, Protocol, Published);
    public string TargetGroupId => LogicalIds.TargetGroup(Service, Protocol, Target);
    /// <summary>Where the port is written, for diagnostics.</summary>
    public SourceLocation? Location { get; init; }
    /// <summary>The IP protocols the port carries: <c>tcp_udp</c> (TCP and UDP on one port) is both.</summary>
    public ImmutableArray<string> IpProtocols => Protocol switch { "tcp_udp" => ["tcp", "udp"], "udp" => ["udp"], _ => ["tcp"] };
}

/// <summary><c>application</c> or <c>network</c>, and every published port of the project.</summary>
internal sealed record LoadBalancerShape(string Type, ImmutableArray<PublishedPort> Ports)
{
    public bool IsApplication => Type == "application";
    /// <summary>An <c>x-aws-loadbalancer</c> someone else runs (see <see cref="ExistingResources"/>): no LB or LB group is created.</summary>
    public bool Existing { get; init; }
    public Expr Arn { get; init; } = Fn.Ref(LogicalIds.LoadBalancer);
}

/// <summary>
/// One load balancer for all published ports: an ALB when every port is HTTP, else an NLB. Both get a security group
/// open to the world on the listener ports only (NLBs support security groups since 2023; they must be set at creation),
/// and each service's network group admits the target ports from that group only.
/// </summary>
internal static class LoadBalancing
{
    /// <summary>TLS 1.3 and 1.2 only, the policy AWS recommends for new HTTPS and TLS listeners.</summary>
    public const string ModernSslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    /// <summary>Elastic Load Balancing's default "listeners per load balancer" quota.</summary>
    public const int ListenerQuota = 50;

    public static LoadBalancerShape? Shape(ComposeProject project, AwsSettings aws)
    {
        var published = project.Services.Values.SelectMany(s => aws.Of(s).Ports.Select(p => (Service: s.Name, Port: p))).ToList();
        if (published.Count == 0) return null;
        var existing = aws.LoadBalancer?.Value;
        var application = existing is not null
            ? existing.Type == "application"
            : published.All(p => Ports.IsHttpListener(p.Port));
        // The same port written twice ("3000" and {target: 3000, published: 3000}) is one listener; the last one written wins.
        var ports = TcpAndUdpTogether(published.Select(p => ToPublished(p.Service, p.Port, application)).Reverse().DistinctBy(p => (p.Service, p.Published, p.Target, p.Protocol)))
            .OrderBy(p => p.Service, StringComparer.Ordinal).ThenBy(p => p.Published).ThenBy(p => p.Protocol, StringComparer.Ordinal)
            .ToImmutableArray();
        return existing is null
            ? new(application ? "application" : "network", ports)
            : new(application ? "application" : "network", ports) { Existing = true, Arn = existing.Arn };
    }

    /// <summary>
    /// TCP and UDP on one published port (a DNS server's <c>53/tcp</c> and <c>53/udp</c>) are one <c>TCP_UDP</c> listener
    /// and target group: a load balancer has one listener per port. Documented for Network Load Balancers in
    /// https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-listeners.html
    /// </summary>
    private static IEnumerable<PublishedPort> TcpAndUdpTogether(IEnumerable<PublishedPort> ports) =>
        ports.GroupBy(p => (p.Service, p.Published, p.Target)).SelectMany(g =>
            g.SingleOrDefault(p => p.ListenerProtocol == "TCP") is { } tcp && g.SingleOrDefault(p => p.ListenerProtocol == "UDP") is { } udp && g.Count() == 2
                ? [tcp with { Protocol = "tcp_udp", ListenerProtocol = "TCP_UDP", TargetProtocol = "TCP_UDP" }]
                : g.AsEnumerable());

    private static PublishedPort ToPublished(string service, BoundPort bound, bool application)
    {
        var (port, awsProtocol) = (bound.Port, bound.AwsProtocol);
        var protocol = port.Protocol.ToLowerInvariant();
        var (listener, target) = application
            ? (awsProtocol == "https" ? "HTTPS" : "HTTP", awsProtocol is null && port.Target == 443 ? "HTTPS" : "HTTP")
            : awsProtocol is "tls" or "https" ? ("TLS", "TCP")
            : protocol == "udp" ? ("UDP", "UDP") : ("TCP", "TCP");
        var speaksHttp = application ? target == "HTTP" : Ports.IsHttpTarget(bound);
        return new(service, Ports.Published(port) ?? port.Target, port.Target, protocol, listener, target, bound.Certificate)
        {
            Location = port.Location,
            AppProtocol = speaksHttp && protocol == "tcp" ? "http" : null,
            RedirectFrom = listener == "HTTPS" ? bound.RedirectFrom?.Value : null,
            Web = Ports.IsHttpListener(bound),
        };
    }

    public static IEnumerable<Diagnostic> Check(ComposeProject project, AwsSettings aws)
    {
        var owners = new Dictionary<int, (string Service, int Target, string Protocol)>();
        foreach (var service in project.Services.Values)
        foreach (var (port, awsProtocol) in aws.Of(service).Ports.Select(p => (p.Port, p.AwsProtocol)))
        {
            var where = $"service \"{service.Name}\": ports: {port.Published ?? "-"}:{port.Target}/{port.Protocol}";
            if (Ports.Published(port) is not { } published)
            {
                yield return Diagnostic.Error(DiagnosticCodes.Port, $"{where}: a host port range cannot be published through a load balancer; list the ports one by one", port.Location ?? service.LocationOf("ports"));
                continue;
            }
            if (published is < 1 or > 65535 || port.Target is < 1 or > 65535)
            {
                yield return Diagnostic.Error(DiagnosticCodes.Port, $"{where}: ports must be between 1 and 65535; a load balancer cannot listen on or forward to port {(published is < 1 or > 65535 ? published : port.Target)}", port.Location ?? service.LocationOf("ports"));
                continue;
            }
            var protocol = port.Protocol.ToLowerInvariant();
            if (!owners.TryGetValue(published, out var owner)) owners[published] = (service.Name, port.Target, protocol);
            else if (owner == (service.Name, port.Target, protocol)) continue; // the same port written twice: one listener
            else if (owner.Service != service.Name || owner.Protocol == protocol)
                yield return Diagnostic.Error(DiagnosticCodes.Port, 
                    $"service \"{service.Name}\": ports: {published}/{protocol} is already published by service \"{owner.Service}\" ({published}/{owner.Protocol}); " +
                    "a load balancer has one listener per port, which cannot forward to both", port.Location ?? service.LocationOf("ports"));
            else if (owner.Target != port.Target || awsProtocol is not (null or "tcp" or "udp"))
                yield return Diagnostic.Error(DiagnosticCodes.Port, 
                    $"{where}: TCP and UDP on one published port share one TCP_UDP listener, which forwards both to one container port " +
                    $"without TLS; publish {published}/{owner.Protocol} and {published}/{protocol} to the same port", port.Location ?? service.LocationOf("ports"));
        }
        if (Shape(project, aws) is not { } shape) yield break;
        if (shape.Ports.Length > ListenerQuota && shape.Ports[ListenerQuota] is var over)
            yield return Diagnostic.Warning(DiagnosticCodes.PortCaveat,
                $"service \"{over.Service}\": ports: {over.Published}/{over.Protocol}: the project publishes {shape.Ports.Length} ports, which need as many listeners, " +
                $"but a load balancer has at most {ListenerQuota} unless the account's quota was raised; the deployment will fail otherwise",
                over.Location ?? project.Services[over.Service].LocationOf("ports"));
        foreach (var port in shape.Ports.Where(p => p.Protocol == "udp"))
            yield return Diagnostic.Warning(DiagnosticCodes.PortCaveat, 
                $"service \"{port.Service}\": ports: {port.Published}/udp: the load balancer health-checks UDP targets over TCP " +
                $"on port {port.Target}; the container must accept TCP connections there", port.Location ?? project.Services[port.Service].LocationOf("ports"));
        foreach (var port in shape.Ports.Where(p => p.Published == 443 && p.Scheme == "http"))
            yield return Diagnostic.Warning(DiagnosticCodes.PortCaveat, 
                $"service \"{port.Service}\": ports: 443: the load balancer listens with plain HTTP on 443; set " +
                $"{AwsExtensions.Protocol}: https and {AwsExtensions.Certificate} for TLS", port.Location ?? project.Services[port.Service].LocationOf("ports"));
    }

    /// <summary>Plan step: register the service's target groups and wait for its listeners.</summary>
    public static ServicePlan Plan(TransformContext context, ServicePlan plan)
    {
        if (context.LoadBalancer is not { } lb) return plan;
        var mine = lb.Ports.Where(p => p.Service == plan.Service.Name).ToList();
        if (mine.Count == 0) return plan;
        var targets = mine.DistinctBy(p => p.TargetGroupId).Select(p => new EcsLoadBalancer
        {
            ContainerName = plan.Container.Name,
            ContainerPort = p.Target,
            TargetGroupArn = Fn.Ref(p.TargetGroupId),
        });
        var http = mine.Where(p => p.AppProtocol is not null).Select(p => p.Target).ToHashSet();
        return plan with
        {
            Container = plan.Container with
            {
                PortMappings = plan.Container.PortMappings?.Select(m => m.Protocol == "tcp" && http.Contains(m.ContainerPort) ? m with { AppProtocol = "http" } : m).ToList(),
            },
            LoadBalancers = [.. plan.LoadBalancers, .. targets],
            DependsOn = [.. plan.DependsOn, .. mine.Select(p => p.ListenerId)],
        };
    }

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        if (context.LoadBalancer is not { } lb) return new Template();
        var resources = new SortedDictionary<string, Resource>(StringComparer.Ordinal)
        {
            [LogicalIds.LoadBalancerSecurityGroup] = Resource.Of(new SecurityGroup
            {
                GroupDescription = AwsNames.Truncate($"{context.Project.Name} load balancer", AwsNames.Description),
                VpcId = context.Vpc.Id,
                SecurityGroupIngress = [.. lb.Ports.SelectMany(p => p.IpProtocols.Select(ip => (p.Published, Ip: ip))).Distinct().Select(p => new Ingress
                {
                    IpProtocol = p.Ip, FromPort = p.Published, ToPort = p.Published, CidrIp = "0.0.0.0/0",
                    Description = $"listener {p.Published}/{p.Ip}",
                })],
                Tags = context.ProjectTags,
            }),
            [LogicalIds.LoadBalancer] = Resource.Of(new ElbLoadBalancer
            {
                Type = lb.Type,
                Scheme = context.Aws.InternalLoadBalancer ? "internal" : "internet-facing",
                Subnets = context.Vpc.Subnets,
                SecurityGroups = [Fn.Ref(LogicalIds.LoadBalancerSecurityGroup)],
                Tags = context.ProjectTags,
            }),
        };
        if (lb.Existing)
        {
            resources.Remove(LogicalIds.LoadBalancerSecurityGroup);
            resources.Remove(LogicalIds.LoadBalancer);
        }
        foreach (var port in lb.Ports)
        {
            resources[port.TargetGroupId] = Resource.Of(TargetHealth.Tune(context, lb, port, TargetGroupFor(context, lb, port)));
            resources[port.ListenerId] = Resource.Of(ListenerFor(lb, port));
        }
        foreach (var plan in plans.Where(_ => !lb.Existing))
            foreach (var (id, rule) in IngressFromLoadBalancer(context, lb, plan))
                resources[id] = Resource.Of(rule);
        if (lb.Existing) return new Template { Resources = Sorted.Empty<Resource>().AddRange(resources) };
        return new Template
        {
            Resources = Sorted.Empty<Resource>().AddRange(resources),
            Outputs = Sorted.Empty<Output>().Add("LoadBalancerDnsName",
                new Output(Fn.GetAtt(LogicalIds.LoadBalancer, "DNSName")) { Description = "DNS name of the load balancer in front of the published ports" }),
        };
    }


    private static TargetGroup TargetGroupFor(TransformContext context, LoadBalancerShape lb, PublishedPort port) => new()
    {
        Port = port.Target,
        Protocol = port.TargetProtocol,
        TargetType = "ip",
        VpcId = context.Vpc.Id,
        HealthCheckPath = lb.IsApplication ? "/" : null,
        // UDP cannot be health-checked: say TCP explicitly, and IngressFromLoadBalancer admits it.
        HealthCheckProtocol = port.Protocol is "udp" or "tcp_udp" ? "TCP" : null,
        Matcher = lb.IsApplication ? new Matcher { HttpCode = "200-499" } : null,
        Tags = context.ServiceTags(port.Service),
    };

    private static Listener ListenerFor(LoadBalancerShape lb, PublishedPort port) => new()
    {
        LoadBalancerArn = lb.Arn,
        Port = port.Published,
        Protocol = port.ListenerProtocol,
        Certificates = port.ListenerProtocol is "HTTPS" or "TLS" && port.Certificate is { } arn ? [new Certificate(arn)] : null,
        SslPolicy = port.ListenerProtocol is "HTTPS" or "TLS" ? ModernSslPolicy : null,
        DefaultActions =
        [
            new CloudFormation.Resources.ElasticLoadBalancingV2.Action
            {
                Type = "forward",
                ForwardConfig = new ForwardConfig { TargetGroups = [new TargetGroupTuple { TargetGroupArn = Fn.Ref(port.TargetGroupId) }] },
            },
        ],
    };

    /// <summary>
    /// The service's first network admits each target port from the load balancer's group; a UDP port also over TCP,
    /// which is how the load balancer health-checks it.
    /// </summary>
    private static IEnumerable<(string Id, SecurityGroupIngress Rule)> IngressFromLoadBalancer(TransformContext context, LoadBalancerShape lb, ServicePlan plan)
    {
        if (plan.Service.Networks.Keys.FirstOrDefault() is not { } network) yield break;
        var admitted = lb.Ports.Where(p => p.Service == plan.Service.Name)
            .SelectMany(p => p.Protocol == "udp" ? [(p.Target, Protocol: "udp"), (p.Target, Protocol: "tcp")] : p.IpProtocols.Select(ip => (p.Target, Protocol: ip)))
            .Distinct();
        foreach (var (target, protocol) in admitted)
            yield return (LogicalIds.LoadBalancerIngress(network, protocol, target), new SecurityGroupIngress
            {
                GroupId = Networks.GroupOf(context.Aws, network),
                IpProtocol = protocol,
                FromPort = target,
                ToPort = target,
                SourceSecurityGroupId = Fn.Ref(LogicalIds.LoadBalancerSecurityGroup),
                Description = $"load balancer to {target}/{protocol}",
            });
    }
}
