using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.ApplicationAutoScaling;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>The parsed <c>deploy.x-aws-autoscaling</c> of a service: task count bounds and one target-tracking metric.</summary>
internal sealed record AutoscalingSettings(int Min, int Max, string Metric, double Target);

/// <summary>
/// <c>deploy.x-aws-autoscaling: {min, max, cpu | memory}</c> → an Application Auto Scaling target on the service's
/// desired count (the ECS service-linked role does the scaling, so no role is created) and a target-tracking policy
/// keeping average CPU or memory utilisation at the given percentage.
/// </summary>
internal static class Autoscaling
{
    public const string Extension = "x-aws-autoscaling";
    private const string Field = "deploy." + Extension;

    public static string TargetId(string service) => LogicalIds.Normalize(service) + "ScalableTarget";
    public static string PolicyId(string service) => LogicalIds.Normalize(service) + "ScalingPolicy";

    private static ImmutableSortedDictionary<string, object?>? Raw(Service service) => service.Deploy?.Extensions.GetMap(Extension);

    /// <summary>The settings, or null when absent or invalid (<see cref="Check"/> reports why).</summary>
    public static AutoscalingSettings? Of(Service service) => Parse(service).Settings;

    public static IEnumerable<Diagnostic> Check(ComposeProject project) =>
        project.Services.Values.SelectMany(s => Parse(s).Problems.Select(p => Diagnostic.Error(DiagnosticCodes.Autoscaling, $"service \"{s.Name}\": {Field}: {p}", s.Deploy?.Extensions.At(Extension))));

    private static (AutoscalingSettings? Settings, ImmutableArray<string> Problems) Parse(Service service)
    {
        if (service.Deploy?.Extensions.Has(Extension) != true) return (null, []);
        if (Raw(service) is not { } map) return (null, ["must be a map with min, max and cpu or memory"]);
        var problems = new List<string>();
        int? Count(string key)
        {
            if (!map.TryGetValue(key, out var value)) { problems.Add($"{key} is missing"); return null; }
            if (ExtensionValues.ToInt(value) is not (>= 0 and var n)) { problems.Add($"{key}: must be a whole number of tasks (0 or more)"); return null; }
            return n;
        }
        var min = Count("min");
        var max = Count("max");
        if (min is { } lo && max is { } hi && lo > hi) problems.Add($"min ({lo}) is greater than max ({hi})");
        if (max is 0) problems.Add("max must be at least 1");
        foreach (var key in map.Keys.Where(k => k is not ("min" or "max" or "cpu" or "memory")))
            problems.Add($"{key}: unknown; use min, max and cpu or memory");
        var metrics = new[] { "cpu", "memory" }.Where(map.ContainsKey).ToList();
        if (metrics.Count == 0) problems.Add("set cpu or memory to the target utilisation (percent)");
        else if (metrics.Count == 2) problems.Add("set cpu or memory, not both; a service scales on one target");
        double target = 0;
        if (metrics.Count == 1 && !(Percent(map[metrics[0]]) is { } t && (target = t) > 0 && t <= 100))
            problems.Add($"{metrics[0]}: must be a utilisation percentage above 0 and at most 100");
        return problems.Count > 0 || min is null || max is null ? (null, [.. problems]) : (new AutoscalingSettings(min.Value, max.Value, metrics[0], target), []);
    }

    private static double? Percent(object? value) => value switch
    {
        long l => l,
        double d => d,
        string s when double.TryParse(s.TrimEnd('%'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var resources = Sorted.Empty<Resource>();
        foreach (var plan in plans)
        {
            if (Of(plan.Service) is not { } settings) continue;
            var name = plan.Service.Name;
            resources = resources
                .Add(TargetId(name), Resource.Of(new ScalableTarget
                {
                    MinCapacity = settings.Min,
                    MaxCapacity = settings.Max,
                    ResourceId = Fn.Join("/", "service", ExistingResources.ClusterName(context.Project), Fn.GetAtt(LogicalIds.Service(name), "Name")),
                    ScalableDimension = "ecs:service:DesiredCount",
                    ServiceNamespace = "ecs",
                }))
                .Add(PolicyId(name), Resource.Of(new ScalingPolicy
                {
                    PolicyName = $"{context.Project.Name}-{name}-{settings.Metric}",
                    PolicyType = "TargetTrackingScaling",
                    ScalingTargetId = Fn.Ref(TargetId(name)),
                    TargetTrackingScalingPolicyConfiguration = new TargetTrackingScalingPolicyConfiguration
                    {
                        TargetValue = settings.Target,
                        PredefinedMetricSpecification = new PredefinedMetricSpecification(
                            settings.Metric == "cpu" ? "ECSServiceAverageCPUUtilization" : "ECSServiceAverageMemoryUtilization"),
                    },
                }));
        }
        return new Template { Resources = resources };
    }
}
