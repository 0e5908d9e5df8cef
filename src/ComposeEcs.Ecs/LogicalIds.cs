using System.Text;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// CloudFormation logical ids derived from compose names the way Docker's ECS integration did: non-alphanumerics
/// dropped, first letter upper-cased (<c>web-api</c> → <c>WebapiService</c>). Stable: they depend only on names.
/// </summary>
public static class LogicalIds
{
    public const string Cluster = "Cluster";
    public const string LogGroup = "LogGroup";
    public const string LoadBalancer = "LoadBalancer";
    public const string LoadBalancerSecurityGroup = "LoadBalancerSecurityGroup";
    public const string CloudMap = "CloudMap";
    public const string VpcParameter = "VpcId";
    public const string SubnetsParameter = "SubnetIds";

    public static string Normalize(string name)
    {
        var kept = new StringBuilder(name.Length);
        foreach (var c in name)
            if (char.IsAsciiLetterOrDigit(c)) kept.Append(c);
        if (kept.Length > 0) kept[0] = char.ToUpperInvariant(kept[0]);
        // Logical ids may have 255 characters; a prefix of at most 64 leaves room for every suffix.
        return kept.Length <= MaxPrefix ? kept.ToString() : kept.ToString(0, MaxPrefix - 8) + AwsNames.Hash(name);
    }

    public const int MaxPrefix = 64;

    public static string Service(string service) => Normalize(service) + "Service";
    public static string TaskDefinition(string service) => Normalize(service) + "TaskDefinition";
    public static string TaskExecutionRole(string service) => Normalize(service) + "TaskExecutionRole";
    public static string TaskRole(string service) => Normalize(service) + "TaskRole";
    public static string DiscoveryEntry(string service) => Normalize(service) + "ServiceDiscoveryEntry";
    public static string DnsAlias(string alias) => Normalize(alias) + "DnsAlias";
    public static string Network(string network) => Normalize(network) + "Network";
    public static string NetworkIngress(string network) => Normalize(network) + "NetworkIngress";
    public static string LoadBalancerIngress(string network, string protocol, int port) =>
        $"{Normalize(network)}Network{Protocol(protocol)}{port}Ingress";
    public static string Listener(string service, string protocol, int published) =>
        $"{Normalize(service)}{Protocol(protocol)}{published}Listener";
    /// <summary>The stack output holding the address of a listener (see <see cref="Endpoints"/>).</summary>
    public static string Endpoint(string service, string protocol, int published) =>
        $"{Normalize(service)}{Protocol(protocol)}{published}Endpoint";
    public static string TargetGroup(string service, string protocol, int target) =>
        $"{Normalize(service)}{Protocol(protocol)}{target}TargetGroup";

    /// <summary><c>TCP</c>, <c>UDP</c>, <c>TCPUDP</c>: logical ids are letters and digits only.</summary>
    private static string Protocol(string protocol) => protocol.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Errors for names that normalise to nothing or to the same id as another name.</summary>
    public static IEnumerable<Diagnostic> Check(ComposeProject project) =>
        Clashes("service", project.Services.Values.Select(s => (s.Name, s.Location)))
            .Concat(Clashes("network", project.Networks.Values.Select(n => (n.Key, n.Location))));

    private static IEnumerable<Diagnostic> Clashes(string kind, IEnumerable<(string Name, SourceLocation? Location)> names)
    {
        var byId = names.GroupBy(n => Normalize(n.Name), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byId)
        {
            var members = group.OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
            if (group.Key.Length == 0)
            {
                foreach (var (name, location) in members)
                    yield return Diagnostic.Error(DiagnosticCodes.LogicalIdClash, $"{kind} \"{name}\": name has no letters or digits to build a CloudFormation logical id from", location);
            }
            else if (members.Count > 1)
            {
                var quoted = string.Join(" and ", members.Select(m => $"\"{m.Name}\""));
                yield return Diagnostic.Error(DiagnosticCodes.LogicalIdClash, 
                    $"{kind}s {quoted} both become the CloudFormation logical id prefix \"{group.Key}\"; rename one of them",
                    members[1].Location);
            }
        }
    }
}
