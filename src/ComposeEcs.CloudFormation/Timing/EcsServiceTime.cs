using System.Collections.Immutable;
using static ComposeEcs.CloudFormation.Timing.TemplateValues;

namespace ComposeEcs.CloudFormation.Timing;

/// <summary>One wait of an ECS service, such as "image pull 15s".</summary>
public sealed record Wait(string What, double Seconds)
{
    public override string ToString() => $"{What} {Durations.Short(Seconds)}";
}

/// <summary>
/// What CloudFormation waits for on an <c>AWS::ECS::Service</c>: the service is stable only when its new tasks are
/// placed, have pulled their images, run their init containers, pass their container health check and, behind a load
/// balancer, are healthy targets; an update also waits for the old tasks to drain and stop, and a delete for every task
/// to drain and stop. Target group settings come from the template, or AWS's defaults where it sets none.
/// </summary>
public static class EcsServiceTime
{
    /// <summary>Fargate: capacity and a network interface; "30-45 seconds or longer" is normal [fargate].</summary>
    public const double FargateStart = 30;
    /// <summary>EC2 capacity provider with no instance yet: launch, boot and register one [asg].</summary>
    public const double InstanceStart = 180;
    /// <summary>A typical public image of 100-300 MB, layers not cached on Fargate [pull].</summary>
    public const double ImagePull = 15;
    public const double InitContainer = 5;
    /// <summary>From a task's RUNNING to its target being registered and checked for the first time [elb].</summary>
    public const double TargetRegistration = 10;
    /// <summary>Time an application takes to exit on SIGTERM; ECS kills it after StopTimeout (30 s) at the latest.</summary>
    public const double StopTime = 5;

    public const double AwsDefaultInterval = 30, AwsDefaultDeregistrationDelay = 300, AwsDefaultContainerInterval = 30;

    public static ImmutableArray<Wait> Create(MapExpr tree, MapExpr service) =>
        Desired(service) == 0 ? Base(service, 0) : [.. Base(service, 0), .. Start(tree, service)];

    public static ImmutableArray<Wait> Update(MapExpr tree, MapExpr service) =>
        Desired(service) == 0 ? Base(service, 1) : [.. Base(service, 1), .. Start(tree, service), .. Stop(tree, service)];

    public static ImmutableArray<Wait> Delete(MapExpr tree, MapExpr service) => [.. Base(service, 2), .. Stop(tree, service)];

    public static double Seconds(ImmutableArray<Wait> waits) => waits.Sum(w => w.Seconds);

    private static ImmutableArray<Wait> Base(MapExpr service, int phase)
    {
        var own = ResourceTimes.For("AWS::ECS::Service");
        return [new Wait("CloudFormation", phase switch { 0 => own.Create, 1 => own.Update, _ => own.Delete })];
    }

    private static double Desired(MapExpr service) => Number(Properties(service)["DesiredCount"]) ?? 1;

    private static IEnumerable<Wait> Start(MapExpr tree, MapExpr service)
    {
        var properties = Properties(service);
        var onEc2 = properties["CapacityProviderStrategy"] is ListExpr || properties["LaunchType"] is Str { Value: "EC2" };
        yield return onEc2 ? new Wait("instance start", InstanceStart) : new Wait("task start", FargateStart);
        yield return new Wait("image pull", ImagePull);
        var containers = Maps(Properties(Resource(tree, Target(properties["TaskDefinition"])) ?? MapExpr.Empty)["ContainerDefinitions"]).ToList();
        if (containers.Any(c => Maps(c["DependsOn"]).Any(d => d["Condition"] is Str { Value: "SUCCESS" or "COMPLETE" })))
            yield return new Wait("init containers", InitContainer);
        var containerHealth = containers.Where(c => c["Essential"] is not Bool { Value: false } && c["HealthCheck"] is MapExpr)
            .Select(c => Number(((MapExpr)c["HealthCheck"]!)["Interval"]) ?? AwsDefaultContainerInterval).DefaultIfEmpty(0).Max();
        var targetHealth = TargetGroups(tree, service).Select(g => TargetRegistration + Interval(g)).DefaultIfEmpty(0).Max();
        if (targetHealth >= containerHealth && targetHealth > 0) yield return new Wait("target healthy", targetHealth);
        else if (containerHealth > 0) yield return new Wait("container healthy", containerHealth);
    }

    private static IEnumerable<Wait> Stop(MapExpr tree, MapExpr service)
    {
        var drain = TargetGroups(tree, service).Select(DeregistrationDelay).DefaultIfEmpty(0).Max();
        if (drain > 0) yield return new Wait("draining", drain);
        yield return new Wait("task stop", StopTime);
    }

    private static IEnumerable<MapExpr> TargetGroups(MapExpr tree, MapExpr service) =>
        Maps(Properties(service)["LoadBalancers"]).Select(lb => Resource(tree, Target(lb["TargetGroupArn"]))).OfType<MapExpr>().Select(Properties);

    /// <summary>A newly registered target needs one passing check, so it waits about one interval.</summary>
    private static double Interval(MapExpr group) => Number(group["HealthCheckIntervalSeconds"]) ?? AwsDefaultInterval;

    private static double DeregistrationDelay(MapExpr group) =>
        Maps(group["TargetGroupAttributes"]).Where(a => a["Key"] is Str { Value: "deregistration_delay.timeout_seconds" })
            .Select(a => Number(a["Value"])).FirstOrDefault(v => v is not null) ?? AwsDefaultDeregistrationDelay;
}

/// <summary>Seconds as people read them: <c>45s</c>, <c>2m 05s</c>.</summary>
public static class Durations
{
    public static string Short(double seconds)
    {
        var s = (int)Math.Round(seconds);
        return s < 60 ? $"{s}s" : $"{s / 60}m {s % 60:00}s";
    }
}
