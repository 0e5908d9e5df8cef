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
    /// <summary>The private IPv4 ranges an existing load balancer reaches the tasks from.</summary>
    public static readonly ImmutableArray<string> PrivateRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

    /// <summary>The cluster's name: the given name, the last part of a given ARN, or <c>Ref</c> of the created cluster.</summary>
    public static Expr ClusterName(AwsSettings aws) => aws.Cluster?.Value switch
    {
        null => Fn.Ref(LogicalIds.Cluster),
        var arn when arn.StartsWith("arn:", StringComparison.Ordinal) => arn[(arn.LastIndexOf('/') + 1)..],
        var name => name,
    };

    public static Expr ClusterArn(AwsSettings aws) => aws.Cluster?.Value switch
    {
        null => Fn.GetAtt(LogicalIds.Cluster, "Arn"),
        var arn when arn.StartsWith("arn:", StringComparison.Ordinal) => arn,
        var name => Fn.Sub($"arn:${{AWS::Partition}}:ecs:${{AWS::Region}}:${{AWS::AccountId}}:cluster/{name}"),
    };

    /// <summary><c>application</c> or <c>network</c> from the ARN, null when it names neither.</summary>
    public static string? LoadBalancerType(string arn) =>
        arn.Contains(":loadbalancer/app/", StringComparison.Ordinal) ? "application"
        : arn.Contains(":loadbalancer/net/", StringComparison.Ordinal) ? "network"
        : null;

    /// <summary>An existing Application Load Balancer only listens for HTTP and HTTPS.</summary>
    public static IEnumerable<Diagnostic> Check(ComposeProject project, AwsSettings aws)
    {
        if (aws.LoadBalancer?.Value.Type != "application") yield break;
        foreach (var service in project.Services.Values)
        foreach (var port in aws.Of(service).Ports.Where(p => !Ports.CanBeHttpListener(p)).Select(p => p.Port))
            yield return Diagnostic.Error(DiagnosticCodes.ExistingResource,
                $"service \"{service.Name}\": ports: {port.Published ?? "-"}:{port.Target}/{port.Protocol}: {AwsExtensions.LoadBalancer} is an Application Load Balancer, " +
                "which only listens for HTTP and HTTPS; use a Network Load Balancer for this port", port.Location ?? service.LocationOf("ports"));
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
            if (plan.Service.Networks.Keys.FirstOrDefault() is not { } network || context.Aws.SecurityGroups.ContainsKey(network)) continue;
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
