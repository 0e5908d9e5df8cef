using System.Collections.Immutable;
using System.Globalization;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>The <c>x-aws-*</c> fields of a port: the listener protocol, its certificate, an HTTPS redirect.</summary>
internal static class PortBinding
{
    private static readonly ImmutableHashSet<string> KnownProtocols = ["http", "https", "tcp", "udp", "tls"];

    public static BoundPort Bind(Service service, ServicePort port, List<Diagnostic> problems)
    {
        var x = port.Extensions;
        var protocol = Protocol(service, port, problems);
        var certificate = x.GetString(AwsExtensions.Certificate) is { Length: > 0 } arn ? arn : null;
        if (protocol?.Value is "https" or "tls" && certificate is null)
            problems.Add(Diagnostic.Error(DiagnosticCodes.Port,
                $"{Where(service, port)}: {AwsExtensions.Protocol}: {protocol.Value} needs {AwsExtensions.Certificate} (an ACM certificate ARN)", protocol.At));
        return new BoundPort(port)
        {
            Protocol = protocol,
            Certificate = certificate,
            RedirectFrom = RedirectFrom(service, port, protocol?.Value, problems),
        };
    }

    private static string Where(Service service, ServicePort port) => $"service \"{service.Name}\": ports: {port.Published ?? "-"}:{port.Target}/{port.Protocol}";

    private static Bound<string>? Protocol(Service service, ServicePort port, List<Diagnostic> problems)
    {
        if (port.Extensions.GetString(AwsExtensions.Protocol)?.ToLowerInvariant() is not { } protocol)
            return null;
        var at = port.Extensions.At(AwsExtensions.Protocol) ?? port.Location ?? service.LocationOf("ports");
        if (KnownProtocols.Contains(protocol))
            return new(protocol, at);
        problems.Add(Diagnostic.Error(DiagnosticCodes.Port, $"{Where(service, port)}: {AwsExtensions.Protocol}: \"{protocol}\" is not one of http, https, tcp, udp, tls", at));
        return null;
    }

    private static Bound<int>? RedirectFrom(Service service, ServicePort port, string? protocol, List<Diagnostic> problems)
    {
        if (!port.Extensions.Has(AwsExtensions.Redirect))
            return null;
        var where = $"service \"{service.Name}\": ports: {port.Published ?? "-"}:{port.Target}: {AwsExtensions.Redirect}";
        var at = port.Extensions.At(AwsExtensions.Redirect);
        if (!(int.TryParse(port.Extensions.GetString(AwsExtensions.Redirect), NumberStyles.None, CultureInfo.InvariantCulture, out var from) && from is > 0 and < 65536))
            problems.Add(Diagnostic.Error(DiagnosticCodes.HttpsRedirect, $"{where}: must be the port number to redirect from, such as \"80\"", at));
        else if (protocol != "https")
            problems.Add(Diagnostic.Error(DiagnosticCodes.HttpsRedirect, $"{where}: only an x-aws-protocol: https port can be redirected to", at));
        else
            return new(from, at);
        return null;
    }
}
