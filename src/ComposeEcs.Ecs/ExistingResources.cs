using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ec2;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// Infrastructure someone else already runs, referenced instead of created:
/// <list type="bullet">
/// <item><c>x-aws-cluster</c> (name or ARN): no <c>AWS::ECS::Cluster</c>; services, autoscaling and outputs use it.</item>
/// <item><c>x-aws-loadbalancer</c> (an ELBv2 ARN; <c>loadbalancer/app/</c> is an ALB, <c>loadbalancer/net/</c> an NLB):
/// listeners and target groups are still created on it, but no load balancer and no load balancer security group. A
/// bare name is rejected: a listener needs the ARN, and <c>convert</c> never calls AWS to look it up. Since the group
/// of an existing load balancer is unknown without AWS calls, the network groups this template creates admit the target
/// ports from the private (RFC 1918) address ranges, where the load balancer's nodes live in the VPC; a network with
/// <c>x-aws-securitygroup</c> is assumed to admit its load balancer already and gets no rule.</item>
/// <item><c>x-aws-securitygroup</c> on a network: no group and no members-talk-to-each-other rule (the group's owner
/// decides that); services join the given group, and a load balancer this template creates still gets an ingress rule
/// on it for the target ports.</item>
/// <item><c>x-aws-vpc</c>/<c>x-aws-subnets</c>: see <see cref="Networks.Vpc"/>.</item>
/// </list>
/// </summary>
internal static class ExistingResources
{
    public const string ClusterExtension = "x-aws-cluster";
    public const string LoadBalancerExtension = "x-aws-loadbalancer";
    public const string SecurityGroupExtension = "x-aws-securitygroup";

    /// <summary>The private IPv4 ranges an existing load balancer reaches the tasks from.</summary>
    public static readonly ImmutableArray<string> PrivateRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

    public static string? ExistingCluster(ComposeProject project) => project.Extensions.GetString(ClusterExtension) is { Length: > 0 } c ? c : null;

    /// <summary>The cluster's name: the given name, the last part of a given ARN, or <c>Ref</c> of the created cluster.</summary>
    public static Expr ClusterName(ComposeProject project) => ExistingCluster(project) switch
    {
        null => Fn.Ref(LogicalIds.Cluster),
        var arn when arn.StartsWith("arn:", StringComparison.Ordinal) => arn[(arn.LastIndexOf('/') + 1)..],
        var name => name,
    };

    public static Expr ClusterArn(ComposeProject project) => ExistingCluster(project) switch
    {
        null => Fn.GetAtt(LogicalIds.Cluster, "Arn"),
        var arn when arn.StartsWith("arn:", StringComparison.Ordinal) => arn,
        var name => Fn.Sub($"arn:${{AWS::Partition}}:ecs:${{AWS::Region}}:${{AWS::AccountId}}:cluster/{name}"),
    };

    public static string? ExistingLoadBalancer(ComposeProject project) =>
        project.Extensions.GetString(LoadBalancerExtension) is { Length: > 0 } lb ? lb : null;

    /// <summary><c>application</c> or <c>network</c> from the ARN, null when it names neither.</summary>
    public static string? LoadBalancerType(string arn) =>
        arn.Contains(":loadbalancer/app/", StringComparison.Ordinal) ? "application"
        : arn.Contains(":loadbalancer/net/", StringComparison.Ordinal) ? "network"
        : null;

    public static string? ExistingSecurityGroup(Network? network) =>
        network?.Extensions.GetString(SecurityGroupExtension) is { Length: > 0 } sg ? sg : null;

    public static string? ExistingSecurityGroup(ComposeProject project, string network) =>
        ExistingSecurityGroup(project.Networks.GetValueOrDefault(network));

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        if (project.Extensions.Has(ClusterExtension) && ExistingCluster(project) is null)
            yield return Diagnostic.Error(DiagnosticCodes.ExistingResource, $"{ClusterExtension}: must be the name or ARN of an ECS cluster", project.Extensions.At(ClusterExtension));
        else if (ExistingCluster(project) is { } cluster && cluster.StartsWith("arn:", StringComparison.Ordinal) && !cluster.Contains(":cluster/", StringComparison.Ordinal))
            yield return Diagnostic.Error(DiagnosticCodes.ExistingResource, $"{ClusterExtension}: {cluster} is not an ECS cluster ARN (arn:aws:ecs:<region>:<account>:cluster/<name>)", project.Extensions.At(ClusterExtension));

        if (project.Extensions.Has(LoadBalancerExtension))
        {
            if (ExistingLoadBalancer(project) is not { } lb)
                yield return Diagnostic.Error(DiagnosticCodes.ExistingResource, $"{LoadBalancerExtension}: must be the ARN of an Application or Network Load Balancer", project.Extensions.At(LoadBalancerExtension));
            else if (LoadBalancerType(lb) is not { } type)
                yield return Diagnostic.Error(DiagnosticCodes.ExistingResource, 
                    $"{LoadBalancerExtension}: {lb} is not a load balancer ARN; give the full ARN (arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/... " +
                    "or .../net/...): listeners need it and convert does not call AWS to look a name up", project.Extensions.At(LoadBalancerExtension));
            else if (type == "application")
                foreach (var service in project.Services.Values)
                foreach (var port in service.Ports.Where(p => !Ports.CanBeHttpListener(p)))
                    yield return Diagnostic.Error(DiagnosticCodes.ExistingResource, 
                        $"service \"{service.Name}\": ports: {port.Published ?? "-"}:{port.Target}/{port.Protocol}: {LoadBalancerExtension} is an Application Load Balancer, " +
                        "which only listens for HTTP and HTTPS; use a Network Load Balancer for this port", port.Location ?? service.LocationOf("ports"));
        }

        foreach (var network in project.Networks.Values.Where(n => n.Extensions.Has(SecurityGroupExtension)))
            if (ExistingSecurityGroup(network) is not { } sg || !sg.StartsWith("sg-", StringComparison.Ordinal))
                yield return Diagnostic.Error(DiagnosticCodes.ExistingResource, $"network \"{network.Key}\": {SecurityGroupExtension}: must be a security group id such as sg-0123456789abcdef0", network.Extensions.At(SecurityGroupExtension));
    }

    /// <summary>
    /// With an existing load balancer, each network group this template creates admits the service's target ports
    /// from the private ranges (see the class summary).
    /// </summary>
    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        if (context.LoadBalancer is not { Existing: true } lb) return new Template();
        var resources = Sorted.Empty<Resource>();
        foreach (var plan in plans)
        {
            if (plan.Service.Networks.Keys.FirstOrDefault() is not { } network || ExistingSecurityGroup(context.Project, network) is not null) continue;
            foreach (var port in lb.Ports.Where(p => p.Service == plan.Service.Name).SelectMany(p => p.IpProtocols.Select(ip => p with { Protocol = ip })).DistinctBy(p => (p.Target, p.Protocol)))
                for (var i = 0; i < PrivateRanges.Length; i++)
                    resources = resources.SetItem($"{LogicalIds.LoadBalancerIngress(network, port.Protocol, port.Target)}{i + 1}", Resource.Of(new SecurityGroupIngress
                    {
                        GroupId = Networks.GroupOf(network),
                        IpProtocol = port.Protocol == "udp" ? "udp" : "tcp",
                        FromPort = port.Target,
                        ToPort = port.Target,
                        CidrIp = PrivateRanges[i],
                        Description = $"existing load balancer (private range {PrivateRanges[i]}) to {port.Target}/{port.Protocol}",
                    }));
        }
        return new Template { Resources = resources };
    }
}
