using System.Collections.Immutable;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// Where each <c>x-aws-*</c> extension is read. One written anywhere else, or one compose-ecs does not know (a typo
/// such as <c>x-aws-vpcs</c>), would be silently ignored, and the project deployed without it: a warning at its line
/// says so, with the name it probably meant. Other <c>x-*</c> fields belong to the user and are left alone.
/// </summary>
internal static class ExtensionPlaces
{
    private const string Prefix = "x-aws-";

    private const string TopLevel = "at the top level";
    private const string OnService = "on a service";
    private const string UnderDeploy = "under a service's deploy";
    private const string OnPort = "on a port";
    private const string OnNetwork = "on a network";
    private const string OnSecret = "on a secret";

    /// <summary>In the order the warnings name them.</summary>
    private static readonly ImmutableArray<(string Place, ImmutableHashSet<string> Names)> Places =
    [
        (TopLevel, [AwsExtensions.Vpc, AwsExtensions.Subnets, AwsExtensions.Cluster, AwsExtensions.LoadBalancer, AwsExtensions.LoadBalancerScheme,
            AwsExtensions.LogsRetention, AwsExtensions.SecretsInitImage, AwsExtensions.DnsInitImage, AwsExtensions.CloudFormation]),
        (OnService, [AwsExtensions.PullCredentials, AwsExtensions.KmsKey, AwsExtensions.Policies, AwsExtensions.Role, AwsExtensions.MinPercent,
            AwsExtensions.MaxPercent, AwsExtensions.Healthcheck, AwsExtensions.DeregistrationDelay]),
        (UnderDeploy, [AwsExtensions.MinPercent, AwsExtensions.MaxPercent, AwsExtensions.Autoscaling]),
        (OnPort, [AwsExtensions.Protocol, AwsExtensions.Certificate, AwsExtensions.Redirect]),
        (OnNetwork, [AwsExtensions.SecurityGroup]),
        (OnSecret, [AwsExtensions.Keys, AwsExtensions.KmsKey]),
    ];

    private static readonly ImmutableArray<string> AllNames = [.. Places.SelectMany(p => p.Names).Distinct().Order(StringComparer.Ordinal)];

    public static IEnumerable<Diagnostic> Check(ComposeProject project) =>
        Find(project.Extensions, TopLevel, "")
            .Concat(project.Services.Values.SelectMany(OfService))
            .Concat(project.Networks.Values.SelectMany(n => Find(n.Extensions, OnNetwork, $"network \"{n.Key}\": ")))
            .Concat(project.Volumes.Values.SelectMany(v => Find(v.Extensions, "on a volume", $"volume \"{v.Key}\": ")))
            .Concat(project.Secrets.Values.SelectMany(s => Find(s.Extensions, OnSecret, $"secret \"{s.Key}\": ")));

    private static IEnumerable<Diagnostic> OfService(Service service)
    {
        var where = $"service \"{service.Name}\": ";
        return Find(service.Extensions, OnService, where)
            .Concat(Find(service.Deploy?.Extensions, UnderDeploy, where + "deploy."))
            .Concat(Find(service.Deploy?.UpdateConfig?.Extensions, "under deploy.update_config", where + "deploy.update_config."))
            .Concat(service.Ports.SelectMany(p => Find(p.Extensions, OnPort, $"{where}ports: {p.Published ?? "-"}:{p.Target}: ")))
            .Concat(service.Volumes.SelectMany(v => Find(v.Extensions, "on a service's volume", $"{where}volumes: {v.Target}: ")));
    }

    private static IEnumerable<Diagnostic> Find(Extensions? extensions, string place, string where)
    {
        if (extensions is null) yield break;
        if (!extensions.Values.Keys.Any(k => k.StartsWith(Prefix, StringComparison.Ordinal))) yield break;
        var here = Places.FirstOrDefault(p => p.Place == place).Names ?? [];
        foreach (var name in extensions.Values.Keys.Where(k => k.StartsWith(Prefix, StringComparison.Ordinal) && !here.Contains(k)))
        {
            var elsewhere = Places.Where(p => p.Names.Contains(name)).Select(p => p.Place).ToList();
            var why = elsewhere.Count > 0
                ? $"is read {string.Join(" or ", elsewhere)}, not {place}; ignored here"
                : $"compose-ecs has no such extension, ignored{(Suggestions.Closest(name, AllNames) is { } closest ? $" (did you mean {closest}?)" : "")}";
            yield return Diagnostic.Warning(DiagnosticCodes.Ignored, $"{where}{name}: {why}", extensions.At(name));
        }
    }
}
