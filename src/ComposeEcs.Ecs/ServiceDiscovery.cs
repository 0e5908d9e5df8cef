using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.CloudFormation.Resources.ServiceDiscovery;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;
using DiscoveryService = ComposeEcs.CloudFormation.Resources.ServiceDiscovery.Service;

namespace ComposeEcs.Ecs;

/// <summary>
/// Names as on a compose network: a private DNS namespace <c>&lt;project&gt;.local</c> with one Cloud Map service per
/// compose service, whose tasks register A records (<c>db.&lt;project&gt;.local</c> → every running <c>db</c> task), so
/// every port a task listens on is reachable, declared or not. <see cref="DnsSearch"/> makes the short name <c>db</c>
/// resolve; <see cref="DnsAliases"/> adds network and <c>links</c> aliases. No ordering between services comes from here.
/// </summary>
internal static class ServiceDiscovery
{
    /// <summary><c>&lt;project&gt;.local</c>, the project name made a DNS label.</summary>
    public static string NamespaceName(string project) => $"{AwsNames.Label(project)}.local";

    /// <summary>
    /// The name other services resolve: the compose name in lower case (DNS is case-insensitive) when it is a valid DNS
    /// name, else a label made of it (then <see cref="Check"/> warns).
    /// </summary>
    public static string DnsName(string service)
    {
        var lower = service.ToLowerInvariant();
        return AwsNames.IsCloudMapName(lower) ? lower : AwsNames.Label(service);
    }

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        foreach (var service in project.Services.Values.Where(s => !Jobs.IsJob(project, s)))
        {
            var dns = DnsName(service.Name);
            if (dns == service.Name.ToLowerInvariant()) continue;
            var why = $"the name is not a valid DNS name (labels of at most {AwsNames.DnsLabel} letters, digits, '-' or '_')";
            if (UsedBy(project, service.Name) is { } user)
                yield return Diagnostic.Error(DiagnosticCodes.ServiceName, 
                    $"service \"{service.Name}\": {why}, so service \"{user}\" could not resolve it (on a compose network neither); rename it", service.Location);
            else
                yield return Diagnostic.Warning(DiagnosticCodes.ServiceDnsName, $"service \"{service.Name}\": {why}; other services reach it as \"{dns}\"", service.Location);
        }
        var clashes = project.Services.Values.Where(s => !Jobs.IsJob(project, s))
            .GroupBy(s => DnsName(s.Name), StringComparer.Ordinal).Where(g => g.Count() > 1);
        foreach (var group in clashes)
        {
            var names = group.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
            yield return Diagnostic.Error(DiagnosticCodes.ServiceName, 
                $"services {string.Join(" and ", names.Select(n => $"\"{n}\""))} have the same DNS name \"{group.Key}\"; rename one of them",
                group.OrderBy(s => s.Name, StringComparer.Ordinal).Last().Location);
        }
    }

    /// <summary>A service that names <paramref name="name"/> in its depends_on, links or an environment value; null if none.</summary>
    private static string? UsedBy(ComposeProject project, string name) =>
        project.Services.Values.Where(s => s.Name != name).FirstOrDefault(s =>
            s.DependsOn.ContainsKey(name)
            || s.Links.Any(l => DnsAliases.LinkTarget(l) == name)
            || s.Environment.Values.Any(v => v is not null && v.Contains(name, StringComparison.OrdinalIgnoreCase)))?.Name;

    /// <summary>Plan step: the service's tasks register in its Cloud Map service.</summary>
    public static ServicePlan Plan(TransformContext context, ServicePlan plan) => plan with
    {
        ServiceRegistries = [.. plan.ServiceRegistries, new ServiceRegistry { RegistryArn = Fn.GetAtt(LogicalIds.DiscoveryEntry(plan.Service.Name), "Arn") }],
    };

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var resources = Sorted.Empty<Resource>().Add(LogicalIds.CloudMap, Resource.Of(new PrivateDnsNamespace
        {
            Name = NamespaceName(context.Project.Name),
            Vpc = context.Vpc.Id,
            Description = AwsNames.Truncate($"Service discovery for {context.Project.Name}", 1024),
            Tags = context.ProjectTags,
        }));
        foreach (var plan in plans)
            resources = resources.Add(LogicalIds.DiscoveryEntry(plan.Service.Name), Resource.Of(new DiscoveryService
            {
                Name = DnsName(plan.Service.Name),
                NamespaceId = context.NamespaceId,
                Description = AwsNames.Truncate($"{plan.Service.Name} of {context.Project.Name}", 1024),
                DnsConfig = new DnsConfig { DnsRecords = [new DnsRecord("A", 60)], RoutingPolicy = "MULTIVALUE" },
                HealthCheckCustomConfig = new HealthCheckCustomConfig { FailureThreshold = 1 },
                Tags = context.ServiceTags(plan.Service.Name),
            }));
        return new Template { Resources = resources };
    }
}
