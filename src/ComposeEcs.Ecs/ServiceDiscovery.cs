using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.CloudFormation.Resources.ServiceDiscovery;
using DiscoveryService = ComposeEcs.CloudFormation.Resources.ServiceDiscovery.Service;

namespace ComposeEcs.Ecs;

/// <summary>
/// A private DNS namespace <c>&lt;project&gt;.local</c> with one Cloud Map service per compose service
/// (<c>db.&lt;project&gt;.local</c>), plus ECS Service Connect so the short names of a laptop (<c>db:5432</c>) work:
/// every TCP port a service declares becomes a Service Connect endpoint aliased to the service name.
/// </summary>
internal static class ServiceDiscovery
{
    public static string NamespaceName(string project) => $"{project}.local";

    public static ServicePlan Plan(TransformContext context, ServicePlan plan)
    {
        var endpoints = Ports.Of(plan.Service).Where(p => p.IsTcp).Select(p => new ServiceConnectService
        {
            PortName = Ports.Name(plan.Service.Name, p),
            // Service Connect DNS names allow lowercase letters only; DNS itself is case-insensitive.
            ClientAliases = [new ServiceConnectClientAlias { DnsName = plan.Service.Name.ToLowerInvariant(), Port = p.Port }],
        }).ToImmutableArray();
        return plan with
        {
            DependsOn = endpoints.IsEmpty ? [.. plan.DependsOn, .. EndpointServices(context, plan)] : plan.DependsOn,
            ServiceRegistries = [.. plan.ServiceRegistries, new ServiceRegistry { RegistryArn = Fn.GetAtt(LogicalIds.DiscoveryEntry(plan.Service.Name), "Arn") }],
            ServiceConnect = new ServiceConnectConfiguration
            {
                Enabled = true,
                Namespace = context.NamespaceArn,
                Services = endpoints.IsEmpty ? null : endpoints,
            },
        };
    }

    /// <summary>
    /// A Service Connect client learns the endpoints that exist when its tasks start, so a service with no endpoints
    /// of its own is created after every service that has some. (Services with endpoints follow their depends_on;
    /// ordering them all would make cycles.)
    /// </summary>
    private static IEnumerable<string> EndpointServices(TransformContext context, ServicePlan plan) =>
        context.Project.Services.Values
            .Where(s => s.Name != plan.Service.Name && Ports.Of(s).Any(p => p.IsTcp))
            .Select(s => LogicalIds.Service(s.Name));

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var resources = Sorted.Empty<Resource>().Add(LogicalIds.CloudMap, Resource.Of(new PrivateDnsNamespace
        {
            Name = NamespaceName(context.Project.Name),
            Vpc = context.Vpc.Id,
            Description = $"Service discovery for {context.Project.Name}",
            Tags = context.ProjectTags,
        }));
        foreach (var plan in plans)
            resources = resources.Add(LogicalIds.DiscoveryEntry(plan.Service.Name), Resource.Of(new DiscoveryService
            {
                Name = plan.Service.Name,
                NamespaceId = context.NamespaceId,
                Description = $"{plan.Service.Name} of {context.Project.Name}",
                DnsConfig = new DnsConfig { DnsRecords = [new DnsRecord("A", 60)], RoutingPolicy = "MULTIVALUE" },
                HealthCheckCustomConfig = new HealthCheckCustomConfig { FailureThreshold = 1 },
                Tags = context.ServiceTags(plan.Service.Name),
            }));
        return new Template { Resources = resources };
    }
}
