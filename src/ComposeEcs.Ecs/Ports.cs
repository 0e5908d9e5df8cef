using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>One port a service's container listens on (from <c>ports</c> or <c>expose</c>).</summary>
internal sealed record ContainerPort(int Port, string Protocol)
{
    public bool IsTcp => Protocol == "tcp";
}

/// <summary>Ports shared by the task definition and the load balancer.</summary>
internal static class Ports
{
    /// <summary>ECS port mappings carry <c>tcp</c> or <c>udp</c> only (compose also allows <c>sctp</c>).</summary>
    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        foreach (var service in project.Services.Values)
        {
            foreach (var port in service.Ports.Where(p => p.Protocol.ToLowerInvariant() is not ("tcp" or "udp")))
                yield return Diagnostic.Error(DiagnosticCodes.Port, 
                    $"service \"{service.Name}\": ports: {port.Published ?? "-"}:{port.Target}/{port.Protocol}: ECS supports tcp and udp only", port.Location ?? service.Location);
            foreach (var entry in service.Expose.Where(e => ParseExpose(e) is { Protocol: not ("tcp" or "udp") }))
                yield return Diagnostic.Error(DiagnosticCodes.Port, $"service \"{service.Name}\": expose: {entry}: ECS supports tcp and udp only", service.LocationOf("expose"));
        }
    }

    /// <summary>The host side of a port; an unpublished port (<c>"3000"</c>) is published on its own number.</summary>
    public static int? Published(ServicePort port) =>
        port.Published is null ? port.Target
        : int.TryParse(port.Published, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;

    /// <summary>Clients reach this port over HTTP through the load balancer: 80/443 or <c>x-aws-protocol: http|https</c>.</summary>
    public static bool IsHttpListener(BoundPort bound) => bound.AwsProtocol switch
    {
        "http" or "https" => true,
        null => bound.Port is var port && port.Protocol == "tcp" && (port.Target is 80 or 443 || Published(port) is 80 or 443),
        _ => false,
    };

    /// <summary>What an Application Load Balancer can listen for: <c>x-aws-protocol: http|https</c>, or a TCP port without one.</summary>
    public static bool CanBeHttpListener(BoundPort bound) => bound.AwsProtocol switch
    {
        "http" or "https" => true,
        null => bound.Port.Protocol == "tcp",
        _ => false,
    };

    /// <summary>
    /// Behind a Network Load Balancer, whether the container speaks plain HTTP on the target port (443 usually means TLS
    /// in the container); behind an Application Load Balancer the target group's protocol says it (<see cref="LoadBalancing"/>).
    /// </summary>
    public static bool IsHttpTarget(BoundPort bound) => bound.AwsProtocol switch
    {
        "http" or "https" => true,
        null => bound.Port is var port && port.Protocol == "tcp" && (port.Target == 80 || Published(port) == 80),
        _ => false,
    };

    /// <summary>Every distinct (port, protocol) of <c>ports</c> then <c>expose</c>, sorted by port.</summary>
    public static ImmutableArray<ContainerPort> Of(Service service)
    {
        var fromPorts = service.Ports.Select(p => new ContainerPort(p.Target, p.Protocol.ToLowerInvariant()));
        var fromExpose = service.Expose.Select(ParseExpose).OfType<ContainerPort>();
        return [.. fromPorts.Concat(fromExpose)
            .Distinct()
            .OrderBy(p => p.Port).ThenBy(p => p.Protocol, StringComparer.Ordinal)];
    }

    private static ContainerPort? ParseExpose(string entry)
    {
        var slash = entry.IndexOf('/');
        var number = slash < 0 ? entry : entry[..slash];
        var protocol = slash < 0 ? "tcp" : entry[(slash + 1)..].ToLowerInvariant();
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? new ContainerPort(port, protocol) : null;
    }

    /// <summary>
    /// The port mapping name (what Service Connect would refer to): lower-case letters, digits, <c>-</c> and <c>_</c>, unique in the
    /// namespace because it starts with the service name (<c>web-api-8080</c>, <c>dns-53-udp</c>).
    /// </summary>
    public static string Name(string service, ContainerPort port)
    {
        var name = new StringBuilder();
        foreach (var c in service.ToLowerInvariant())
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '-');
        var prefix = name.ToString().TrimStart('-', '_');
        var suffix = port.IsTcp ? $"{port.Port}" : $"{port.Port}-{port.Protocol}";
        var full = prefix.Length == 0 ? $"port-{suffix}" : $"{prefix}-{suffix}";
        return AwsNames.Shorten(full, AwsNames.PortMappingName);
    }
}
