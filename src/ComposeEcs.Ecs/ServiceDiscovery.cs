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
            ClientAliases = [new ServiceConnectClientAlias { DnsName = plan.Service.Name, Port = p.Port }],
        }).ToImmutableArray();
        return plan with
        {
            ServiceRegistries = [.. plan.ServiceRegistries, new ServiceRegistry { RegistryArn = Fn.GetAtt(LogicalIds.DiscoveryEntry(plan.Service.Name), "Arn") }],
            ServiceConnect = new ServiceConnectConfiguration
            {
                Enabled = true,
                Namespace = context.NamespaceArn,
                Services = endpoints.IsEmpty ? null : endpoints,
            },
        };
    }

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
