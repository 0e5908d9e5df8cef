using System.Collections.Immutable;
using System.Globalization;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>The top-level <c>x-aws-*</c> fields: where the project runs and what it reuses.</summary>
internal static class ProjectBinding
{
    public static AwsSettings Bind(ComposeProject project, List<Diagnostic> problems)
    {
        var x = project.Extensions;
        return AwsSettings.None with
        {
            Vpc = Vpc(x, problems),
            Subnets = Subnets(x, problems),
            Cluster = Cluster(x, problems),
            LoadBalancer = LoadBalancer(x, problems),
            InternalLoadBalancer = InternalLoadBalancer(x, problems),
            LogRetentionDays = LogRetention(x, problems),
            SecretsInitImage = Image(x, AwsExtensions.SecretsInitImage, problems),
            DnsInitImage = Image(x, AwsExtensions.DnsInitImage, problems),
            Overlay = Overlay(x, problems),
        };
    }

    private static Bound<string>? Vpc(Extensions x, List<Diagnostic> problems)
    {
        if (!x.Has(AwsExtensions.Vpc))
            return null;
        if (!x.Has(AwsExtensions.Subnets))
            problems.Add(Diagnostic.Error(DiagnosticCodes.Vpc,
                $"{AwsExtensions.Vpc}: also set {AwsExtensions.Subnets} to the subnets (at least two, in different availability zones) of that VPC", x.At(AwsExtensions.Vpc)));
        if (x.GetString(AwsExtensions.Vpc) is { } id && id.StartsWith("vpc-", StringComparison.Ordinal) && id.Length > 4 && id[4..].All(char.IsAsciiLetterOrDigit))
            return new(id, x.At(AwsExtensions.Vpc));
        problems.Add(Diagnostic.Error(DiagnosticCodes.Vpc, $"{AwsExtensions.Vpc}: must be a VPC id such as vpc-0a1b2c3d", x.At(AwsExtensions.Vpc)));
        return null;
    }

    private static bool SubnetsMalformed(Extensions x) =>
        x.Has(AwsExtensions.Subnets) && x.GetList(AwsExtensions.Subnets) is var list && (list.IsEmpty || list.Any(s => s is not string { Length: > 0 }));

    private static Bound<ImmutableArray<string>>? Subnets(Extensions x, List<Diagnostic> problems)
    {
        if (!x.Has(AwsExtensions.Subnets))
            return null;
        if (!x.Has(AwsExtensions.Vpc))
            problems.Add(Diagnostic.Error(DiagnosticCodes.Vpc, $"{AwsExtensions.Subnets}: also set {AwsExtensions.Vpc} to the VPC these subnets belong to", x.At(AwsExtensions.Subnets)));
        if (!SubnetsMalformed(x))
            return new([.. x.GetList(AwsExtensions.Subnets).OfType<string>()], x.At(AwsExtensions.Subnets));
        problems.Add(Diagnostic.Error(DiagnosticCodes.Vpc, $"{AwsExtensions.Subnets}: must be a list of subnet ids", x.At(AwsExtensions.Subnets)));
        return null;
    }

    private static Bound<string>? Cluster(Extensions x, List<Diagnostic> problems)
    {
        if (!x.Has(AwsExtensions.Cluster))
            return null;
        var at = x.At(AwsExtensions.Cluster);
        if (x.GetString(AwsExtensions.Cluster) is not { Length: > 0 } cluster)
            problems.Add(Diagnostic.Error(DiagnosticCodes.ExistingResource, $"{AwsExtensions.Cluster}: must be the name or ARN of an ECS cluster", at));
        else if (cluster.StartsWith("arn:", StringComparison.Ordinal) && !cluster.Contains(":cluster/", StringComparison.Ordinal))
            problems.Add(Diagnostic.Error(DiagnosticCodes.ExistingResource, $"{AwsExtensions.Cluster}: {cluster} is not an ECS cluster ARN (arn:aws:ecs:<region>:<account>:cluster/<name>)", at));
        else
            return new(cluster, at);
        return null;
    }

    private static Bound<ExistingLoadBalancer>? LoadBalancer(Extensions x, List<Diagnostic> problems)
    {
        if (!x.Has(AwsExtensions.LoadBalancer))
            return null;
        var at = x.At(AwsExtensions.LoadBalancer);
        if (x.GetString(AwsExtensions.LoadBalancer) is not { Length: > 0 } arn)
            problems.Add(Diagnostic.Error(DiagnosticCodes.ExistingResource, $"{AwsExtensions.LoadBalancer}: must be the ARN of an Application or Network Load Balancer", at));
        else if (ExistingResources.LoadBalancerType(arn) is not { } type)
            problems.Add(Diagnostic.Error(DiagnosticCodes.ExistingResource,
                $"{AwsExtensions.LoadBalancer}: {arn} is not a load balancer ARN; give the full ARN (arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/... " +
                "or .../net/...): listeners need it and convert does not call AWS to look a name up", at));
        else
            return new(new ExistingLoadBalancer(arn, type), at);
        return null;
    }

    private static bool InternalLoadBalancer(Extensions x, List<Diagnostic> problems)
    {
        var scheme = x.GetString(AwsExtensions.LoadBalancerScheme);
        if (x.Has(AwsExtensions.LoadBalancerScheme) && scheme is not ("internal" or "internet-facing"))
            problems.Add(Diagnostic.Error(DiagnosticCodes.Port,
                $"{AwsExtensions.LoadBalancerScheme}: must be internal (reachable only inside the VPC) or internet-facing (the default)", x.At(AwsExtensions.LoadBalancerScheme)));
        return scheme == "internal";
    }

    private static Bound<int>? LogRetention(Extensions x, List<Diagnostic> problems)
    {
        if (!x.Has(AwsExtensions.LogsRetention))
            return null;
        var text = x.GetString(AwsExtensions.LogsRetention);
        var at = x.At(AwsExtensions.LogsRetention);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && Logging.Retentions.Contains(days))
            return new(days, at);
        problems.Add(Diagnostic.Error(DiagnosticCodes.Logging,
            $"{AwsExtensions.LogsRetention}: {text ?? "(not a number)"} is not a retention CloudWatch Logs accepts; " +
            $"use one of {string.Join(", ", Logging.Retentions)} (days)", at));
        return null;
    }

    private static Bound<string>? Image(Extensions x, string extension, List<Diagnostic> problems)
    {
        if (!x.Has(extension))
            return null;
        if (x.Get(extension) is string { Length: > 0 } image && !image.Any(char.IsWhiteSpace))
            return new(image, x.At(extension));
        problems.Add(Diagnostic.Error(DiagnosticCodes.ContainerSetting,
            $"{extension}: must be an image reference such as public.ecr.aws/docker/library/busybox:1.36", x.At(extension)));
        return null;
    }

    private static readonly ImmutableArray<string> OverlaySections = ["Resources", "Parameters", "Outputs", "Conditions", "Mappings"];

    private static OverlaySettings? Overlay(Extensions x, List<Diagnostic> problems)
    {
        const string Name = AwsExtensions.CloudFormation;
        if (!x.Has(Name))
            return null;
        if (x.GetMap(Name) is not { } map)
        {
            problems.Add(Diagnostic.Error(DiagnosticCodes.Overlay, $"{Name}: must be a map shaped like a CloudFormation template (Resources, Outputs, ...)", x.At(Name)));
            return null;
        }
        var before = problems.Count;
        foreach (var (key, value) in map.Where(e => OverlaySections.Contains(e.Key)))
            if (value is not (null or ImmutableSortedDictionary<string, object?>))
                problems.Add(Diagnostic.Error(DiagnosticCodes.Overlay, $"{Name}: {key}: must be a map", x.At($"{Name}.{key}")));
        var resources = map.GetValueOrDefault("Resources") as ImmutableSortedDictionary<string, object?> ?? Maps.Empty<object?>();
        foreach (var (id, resource) in resources)
            if (resource is not (null or ImmutableSortedDictionary<string, object?>))
                problems.Add(Diagnostic.Error(DiagnosticCodes.Overlay, $"{Name}: Resources.{id}: must be a map (Type, Properties, ...) or null to remove it", x.At($"{Name}.Resources.{id}")));
        return problems.Count > before ? null : new OverlaySettings(map, x.At(Name))
        {
            ResourceLocations = resources.Keys.ToImmutableSortedDictionary(id => id, id => x.At($"{Name}.Resources.{id}"), StringComparer.Ordinal),
        };
    }
}
