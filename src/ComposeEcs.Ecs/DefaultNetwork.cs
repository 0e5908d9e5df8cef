using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// A service with no network left after preparation (<c>network_mode: awsvpc</c>, which the loader keeps as a mode, or a
/// host/bridge mode dropped by <see cref="HostSettings"/>) joins the <c>default</c> network, as a service that names no
/// network does: it gets that network's security group instead of the VPC's default group, which admits neither the
/// load balancer's health checks nor the other services.
/// </summary>
internal static class DefaultNetwork
{
    public static ComposeProject Prepare(ComposeProject project)
    {
        var services = project.Services;
        foreach (var service in project.Services.Values.Where(s => s.Networks.IsEmpty && s.NetworkMode is null or "awsvpc"))
            services = services.SetItem(service.Name, service with
            {
                NetworkMode = null,
                Networks = Maps.From([KeyValuePair.Create("default", new ServiceNetwork())]),
            });
        if (ReferenceEquals(services, project.Services)) return project;
        var networks = project.Networks.ContainsKey("default")
            ? project.Networks
            : project.Networks.Add("default", new Network("default") { Name = $"{project.Name}_default" });
        return project with { Services = services, Networks = networks };
    }
}
