using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Route53;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>One extra name for a service: a network alias, a <c>links</c> alias or its <c>container_name</c>.</summary>
internal sealed record DnsAlias(string Name, string Service, string Origin, SourceLocation? Location);

/// <summary>
/// Network aliases (<c>networks: {x: {aliases: [...]}}</c>) and <c>links</c> aliases (<c>db:database</c>) as CNAME
/// records in the hosted zone Cloud Map created for the namespace, pointing at the service's Cloud Map name. One
/// namespace serves the whole project, so an alias is visible to every service (on a compose network only to that
/// network, or to the linking service): two services cannot share an alias, nor can an alias be another service's name.
/// A <c>container_name</c> is a name too: Docker's DNS resolves it, and apps' settings often use it
/// (<c>DB_HOSTNAME=immich_postgres</c>); one that cannot be a DNS name here is warned about instead.
/// </summary>
internal static class DnsAliases
{
    public const int Ttl = 60;

    /// <summary>Every alias of the project, once per (alias, service), sorted by alias.</summary>
    public static ImmutableArray<DnsAlias> Of(ComposeProject project)
    {
        var aliases = new List<DnsAlias>();
        foreach (var service in project.Services.Values)
        {
            foreach (var (network, membership) in service.Networks)
                aliases.AddRange(membership.Aliases.Select(a => new DnsAlias(a, service.Name, $"networks.{network}.aliases", service.LocationOf($"networks.{network}.aliases"))));
            if (ContainerNameProblem(project, service) is null && service.ContainerName is { } containerName)
                aliases.Add(new DnsAlias(containerName, service.Name, "container_name", service.LocationOf("container_name")));
            foreach (var link in service.Links)
            {
                var colon = link.IndexOf(':');
                if (colon > 0) aliases.Add(new DnsAlias(link[(colon + 1)..], link[..colon], "links", service.LocationOf("links")));
            }
        }
        return [.. aliases
            .Where(a => !string.Equals(a.Name, a.Service, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(a => (a.Name.ToLowerInvariant(), a.Service))
            .OrderBy(a => a.Name.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(a => a.Service, StringComparer.Ordinal)];
    }

    /// <summary>Why a service's <c>container_name</c> cannot be one of its DNS names, or null when it can (or there is none).</summary>
    private static string? ContainerNameProblem(ComposeProject project, Service service)
    {
        if (service.ContainerName is not { } name) return null;
        var dns = name.ToLowerInvariant();
        if (Jobs.IsJob(project, service)) return "a one-shot job runs inside the tasks that depend on it and has no DNS name";
        var reached = $"other services reach it as \"{ServiceDiscovery.DnsName(service.Name)}\"";
        if (!AwsNames.IsCloudMapName(dns)) return $"it is not a valid DNS name; {reached}";
        return project.Services.Values.FirstOrDefault(o => o.Name != service.Name && ServiceDiscovery.DnsName(o.Name) == dns) is { } other
            ? $"it is the name of service \"{other.Name}\"; {reached}" : null;
    }

    /// <summary>The service a <c>links</c> entry names (<c>db</c> of <c>db:database</c>).</summary>
    public static string LinkTarget(string link) => link.IndexOf(':') is > 0 and var colon ? link[..colon] : link;

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        foreach (var service in project.Services.Values)
            if (ContainerNameProblem(project, service) is { } problem)
                yield return Diagnostic.Warning(DiagnosticCodes.Ignored,
                    $"service \"{service.Name}\": container_name: ignored, {problem}", service.LocationOf("container_name"));
        foreach (var service in project.Services.Values)
            foreach (var target in service.Links.Select(LinkTarget))
            {
                if (!project.Services.TryGetValue(target, out var linked))
                    yield return Diagnostic.Error(DiagnosticCodes.DnsAlias, $"service \"{service.Name}\": links: service \"{target}\" is not in the project", service.LocationOf("links"));
                else if (Jobs.IsJob(project, linked))
                    yield return Diagnostic.Error(DiagnosticCodes.DnsAlias, 
                        $"service \"{service.Name}\": links: \"{target}\" is a one-shot job (it runs inside the tasks that depend on it), not a service to connect to", service.LocationOf("links"));
            }

        var serviceNames = project.Services.Values.ToDictionary(s => ServiceDiscovery.DnsName(s.Name), s => s.Name, StringComparer.Ordinal);
        foreach (var alias in Of(project))
        {
            var dns = alias.Name.ToLowerInvariant();
            if (!AwsNames.IsCloudMapName(dns))
                yield return Diagnostic.Error(DiagnosticCodes.DnsAlias, $"service \"{alias.Service}\": {alias.Origin}: \"{alias.Name}\" is not a valid DNS name", alias.Location);
            else if (serviceNames.TryGetValue(dns, out var other) && other != alias.Service)
                yield return Diagnostic.Error(DiagnosticCodes.DnsAlias, 
                    $"service \"{alias.Service}\": {alias.Origin}: \"{alias.Name}\" is the name of service \"{other}\"; " +
                    "all services share one DNS namespace on ECS, choose another alias", alias.Location);
        }
        foreach (var shared in Of(project).GroupBy(a => a.Name.ToLowerInvariant()).Where(g => g.Select(a => a.Service).Distinct().Count() > 1))
        {
            var services = shared.Select(a => $"\"{a.Service}\"").Distinct().ToList();
            yield return Diagnostic.Error(DiagnosticCodes.DnsAlias, 
                $"alias \"{shared.Key}\" names services {string.Join(" and ", services)}; all services share one DNS namespace on ECS, " +
                "so an alias can name only one of them", shared.Last().Location);
        }
        var aliases = Of(project);
        foreach (var clash in aliases.Select(a => a.Name.ToLowerInvariant()).Distinct().GroupBy(LogicalIds.DnsAlias).Where(g => g.Count() > 1))
            yield return Diagnostic.Error(DiagnosticCodes.LogicalIdClash,
                $"aliases {string.Join(" and ", clash.Select(a => $"\"{a}\""))} both become the CloudFormation logical id \"{clash.Key}\"; rename one of them",
                aliases.Last(a => a.Name.Equals(clash.Last(), StringComparison.OrdinalIgnoreCase)).Location);
    }

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var zone = Fn.GetAtt(LogicalIds.CloudMap, "HostedZoneId");
        var domain = ServiceDiscovery.NamespaceName(context.Project.Name);
        var resources = Sorted.Empty<Resource>();
        foreach (var alias in Of(context.Project).DistinctBy(a => a.Name.ToLowerInvariant()))
            resources = resources.Add(LogicalIds.DnsAlias(alias.Name.ToLowerInvariant()), Resource.Of(new RecordSet
            {
                HostedZoneId = zone,
                Name = $"{alias.Name.ToLowerInvariant()}.{domain}",
                Type = "CNAME",
                TTL = Ttl.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ResourceRecords = [$"{ServiceDiscovery.DnsName(alias.Service)}.{domain}"],
                Comment = AwsNames.Truncate($"{alias.Origin} alias of {alias.Service}", 255),
            }));
        return new Template { Resources = resources };
    }
}
