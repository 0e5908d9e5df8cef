using System.Collections.Immutable;
using System.Globalization;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// A port written without a host port (<c>"8080"</c>) is published on the load balancer at its container port. Docker
/// gives such a port a random host port, so locally it never clashes with another service's; here it would take the
/// same listener. When another service publishes that number with a host port (<c>"8080:8080"</c>), or an earlier
/// service (by name) takes it the same way, the port is not published but stays reachable inside the project (as
/// under <c>expose</c>), with a warning, instead of refusing the project (open-telemetry/opentelemetry-demo: the
/// frontend's <c>"8080"</c> next to the Envoy proxy's <c>"8080:8080"</c>, Jaeger's and the collector's <c>"4317"</c>).
/// </summary>
internal static class HostlessPorts
{
    public static ComposeProject Prepare(ComposeProject project, List<Diagnostic> diagnostics)
    {
        var owners = new Dictionary<int, string>();
        foreach (var service in project.Services.Values)
        foreach (var port in service.Ports.Where(p => p.Published is not null))
            if (int.TryParse(port.Published, NumberStyles.None, CultureInfo.InvariantCulture, out var published))
                owners.TryAdd(published, service.Name);

        var services = project.Services;
        foreach (var service in project.Services.Values)
        {
            var kept = ImmutableArray.CreateBuilder<ServicePort>();
            var exposed = new List<string>();
            foreach (var port in service.Ports)
            {
                if (port.Published is not null || owners.TryAdd(port.Target, service.Name) || owners[port.Target] == service.Name)
                {
                    kept.Add(port);
                    continue;
                }
                var target = port.Target.ToString(CultureInfo.InvariantCulture);
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.PortCaveat,
                    $"service \"{service.Name}\": ports: {target}/{port.Protocol} has no host port and service \"{owners[port.Target]}\" publishes {target} on the load balancer, " +
                    $"so it is not published; other services of the project still reach it as {service.Name}:{target}", port.Location ?? service.LocationOf("ports")));
                exposed.Add($"{target}/{port.Protocol}");
            }
            if (exposed.Count > 0)
                services = services.SetItem(service.Name, service with { Ports = kept.ToImmutable(), Expose = [.. service.Expose, .. exposed] });
        }
        return project with { Services = services };
    }
}
