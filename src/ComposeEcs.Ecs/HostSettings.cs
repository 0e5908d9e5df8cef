using System.Collections.Immutable;
using System.Globalization;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// Settings that only mean something on a Docker host. <c>network_mode: host</c> or <c>bridge</c>: every Fargate task
/// has its own network interface (awsvpc), so the service runs there with its <c>ports</c>/<c>expose</c>, and a warning.
/// A port bound to a loopback host IP (<c>127.0.0.1:8080:8080</c>) was meant for the host only: it is not published on
/// the internet-facing load balancer but stays reachable inside the project (as if under <c>expose</c>), with a
/// warning. <c>0.0.0.0</c>/<c>::</c> mean every address, as a published port has anyway; another address is dropped
/// with a warning (the load balancer has its own).
/// </summary>
internal static class HostSettings
{
    public static ComposeProject Prepare(ComposeProject project, List<Diagnostic> diagnostics)
    {
        var services = project.Services;
        foreach (var service in project.Services.Values)
        {
            var changed = service;
            if (service.NetworkMode is "host" or "bridge")
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.Ignored, 
                    $"service \"{service.Name}\": network_mode: {service.NetworkMode} ignored, Fargate gives each task its own network interface (awsvpc); its ports and expose apply there", service.LocationOf("network_mode")));
                changed = changed with { NetworkMode = null };
            }
            var ports = ImmutableArray.CreateBuilder<ServicePort>();
            var exposed = new List<string>();
            foreach (var port in service.Ports)
            {
                var ip = port.HostIp?.Trim('[', ']');
                var shown = $"{port.HostIp}:{port.Published ?? port.Target.ToString(CultureInfo.InvariantCulture)}:{port.Target}";
                if (ip is null or "" or "0.0.0.0" or "::") { ports.Add(port with { HostIp = null }); continue; }
                if (IsLoopback(ip))
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.LoopbackPort, 
                        $"service \"{service.Name}\": ports: {shown} is bound to the loopback address, so it is not published on the load balancer; other services of the project still reach it on port {port.Target}", port.Location));
                    exposed.Add($"{port.Target.ToString(CultureInfo.InvariantCulture)}/{port.Protocol}");
                    continue;
                }
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.Ignored, 
                    $"service \"{service.Name}\": ports: {shown}: host IP {port.HostIp} ignored, the port is published on the load balancer's addresses", port.Location));
                ports.Add(port with { HostIp = null });
            }
            if (exposed.Count > 0 || ports.Count != service.Ports.Length || service.Ports.Any(p => p.HostIp is not null))
                changed = changed with { Ports = ports.ToImmutable(), Expose = [.. service.Expose, .. exposed] };
            if (!ReferenceEquals(changed, service)) services = services.SetItem(service.Name, changed);
        }
        return project with { Services = services };
    }

    private static bool IsLoopback(string ip) =>
        ip == "localhost" || ip.StartsWith("127.", StringComparison.Ordinal) || ip == "::1";
}
