using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.ElasticLoadBalancingV2;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>A service's target group health check and draining settings, defaults filled in.</summary>
internal sealed record TargetHealthSettings(
    int Interval, int Timeout, int HealthyThreshold, int UnhealthyThreshold, int DeregistrationDelay, int GracePeriod,
    string? Path, string? Matcher);

/// <summary>
/// Target group settings that let a deploy finish in seconds rather than minutes (the reasoning and sources are in
/// this project's README, "Deploy speed"): a healthy task takes traffic after 2 checks 10 s apart instead of AWS's
/// 5 × 30 s, and a replaced task drains for 15 s instead of 300 s. <c>x-aws-healthcheck</c> (path, matcher, interval,
/// timeout, healthy_threshold, unhealthy_threshold, grace_period) and <c>x-aws-deregistration_delay</c> on the service
/// override them; an HTTP probe of the target port in the compose healthcheck gives the path.
/// </summary>
internal static class TargetHealth
{
    public static readonly TargetHealthSettings Defaults = new(
        Interval: 10, Timeout: 5, HealthyThreshold: 2, UnhealthyThreshold: 3, DeregistrationDelay: 15, GracePeriod: 60,
        Path: null, Matcher: null);

    /// <summary>The matcher for the default path <c>/</c>: any answer but a server error means the server is up.</summary>
    public const string LenientMatcher = "200-499";

    /// <summary>The settings for a service's target port: its own, with the path of an HTTP probe in its compose healthcheck.</summary>
    public static TargetHealthSettings For(Service service, TargetHealthSettings settings, int targetPort)
    {
        if (settings.Path is not null || HealthcheckProbe.Of(service.Healthcheck, targetPort) is not { } probe) return settings;
        return settings with { Path = probe.Path, Matcher = settings.Matcher ?? probe.Matcher };
    }

    /// <summary>Applies the settings to a target group built by <see cref="LoadBalancing"/>.</summary>
    public static TargetGroup Tune(TransformContext context, LoadBalancerShape lb, PublishedPort port, TargetGroup group)
    {
        var service = context.Project.Services[port.Service];
        var settings = For(service, context.Aws.Of(service).TargetHealth, port.Target);
        var http = lb.IsApplication || settings.Path is not null;
        return group with
        {
            HealthCheckIntervalSeconds = settings.Interval,
            HealthCheckTimeoutSeconds = settings.Timeout,
            HealthyThresholdCount = settings.HealthyThreshold,
            UnhealthyThresholdCount = settings.UnhealthyThreshold,
            HealthCheckProtocol = lb.IsApplication ? group.HealthCheckProtocol : http ? "HTTP" : group.HealthCheckProtocol,
            HealthCheckPath = http ? settings.Path ?? "/" : null,
            Matcher = http ? new Matcher { HttpCode = settings.Matcher ?? LenientMatcher } : null,
            TargetGroupAttributes = [new TargetGroupAttribute("deregistration_delay.timeout_seconds", settings.DeregistrationDelay.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        };
    }

    /// <summary>
    /// How long ECS ignores failing load balancer checks of a new task: the start period of its compose healthcheck,
    /// at least 60 s, so a slow starter is not replaced by the faster checks before it answers. Null without a load balancer.
    /// </summary>
    public static int? GracePeriod(ServicePlan plan)
    {
        if (plan.LoadBalancers.IsEmpty) return null;
        var configured = plan.Aws.TargetHealth.GracePeriod;
        var startPeriod = plan.Service.Healthcheck?.StartPeriod is { } s ? (int)Math.Ceiling(s.TotalSeconds) : 0;
        return Math.Max(configured, startPeriod);
    }
}
