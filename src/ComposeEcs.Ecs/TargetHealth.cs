using System.Collections.Immutable;
using System.Text.RegularExpressions;
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
internal static partial class TargetHealth
{
    public const string Extension = "x-aws-healthcheck";
    public const string DeregistrationDelayExtension = "x-aws-deregistration_delay";

    public static readonly TargetHealthSettings Defaults = new(
        Interval: 10, Timeout: 5, HealthyThreshold: 2, UnhealthyThreshold: 3, DeregistrationDelay: 15, GracePeriod: 60,
        Path: null, Matcher: null);

    /// <summary>The matcher for the default path <c>/</c>: any answer but a server error means the server is up.</summary>
    public const string LenientMatcher = "200-499";

    private static readonly ImmutableArray<(string Key, int Min, int Max)> Numbers =
    [
        ("interval", 5, 300), ("timeout", 2, 120), ("healthy_threshold", 2, 10), ("unhealthy_threshold", 2, 10), ("grace_period", 0, 3600),
    ];

    public static IEnumerable<Diagnostic> Check(ComposeProject project) =>
        project.Services.Values.SelectMany(s => Parse(s).Problems.Select(p => Diagnostic.Error(DiagnosticCodes.TargetHealth, $"service \"{s.Name}\": {p}", Where(s, p))));

    /// <summary>The line of the field a problem names: <c>x-aws-healthcheck: interval: ...</c> is at <c>interval:</c>.</summary>
    private static SourceLocation? Where(Service service, string problem)
    {
        if (problem.StartsWith(DeregistrationDelayExtension + ":", StringComparison.Ordinal)) return service.Extensions.At(DeregistrationDelayExtension) ?? service.Location;
        var rest = problem[(Extension.Length + 2)..];
        var key = rest.IndexOf(':') is > 0 and var end ? rest[..end] : null;
        return (key is null ? null : service.Fields.Of($"{Extension}.{key}")) ?? service.Extensions.At(Extension) ?? service.Location;
    }

    /// <summary>The settings for a service (<see cref="Check"/> has rejected invalid overrides).</summary>
    public static TargetHealthSettings For(Service service, int targetPort)
    {
        var settings = Parse(service).Settings;
        if (settings.Path is not null || HealthcheckProbe.Of(service.Healthcheck, targetPort) is not { } probe) return settings;
        return settings with { Path = probe.Path, Matcher = settings.Matcher ?? probe.Matcher };
    }

    /// <summary>Applies the settings to a target group built by <see cref="LoadBalancing"/>.</summary>
    public static TargetGroup Tune(ComposeProject project, LoadBalancerShape lb, PublishedPort port, TargetGroup group)
    {
        var settings = For(project.Services[port.Service], port.Target);
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
        var configured = Parse(plan.Service).Settings.GracePeriod;
        var startPeriod = plan.Service.Healthcheck?.StartPeriod is { } s ? (int)Math.Ceiling(s.TotalSeconds) : 0;
        return Math.Max(configured, startPeriod);
    }

    private static (TargetHealthSettings Settings, ImmutableArray<string> Problems) Parse(Service service)
    {
        var settings = Defaults;
        var problems = new List<string>();
        if (service.Extensions.Has(DeregistrationDelayExtension))
        {
            if (ExtensionValues.ToInt(service.Extensions.Get(DeregistrationDelayExtension)) is (>= 0 and <= 3600) and var delay)
                settings = settings with { DeregistrationDelay = delay };
            else problems.Add($"{DeregistrationDelayExtension}: must be a whole number of seconds (0-3600)");
        }
        if (!service.Extensions.Has(Extension)) return (settings, [.. problems]);
        if (service.Extensions.GetMap(Extension) is not { } map)
            return (settings, [.. problems, $"{Extension}: must be a map (path, matcher, interval, timeout, healthy_threshold, unhealthy_threshold, grace_period)"]);
        var numbers = new Dictionary<string, int>();
        foreach (var (key, min, max) in Numbers.Where(n => map.ContainsKey(n.Key)))
        {
            if (ExtensionValues.ToInt(map[key]) is { } n && n >= min && n <= max) numbers[key] = n;
            else problems.Add($"{Extension}: {key}: must be a whole number from {min} to {max}");
        }
        foreach (var key in map.Keys.Where(k => k is not ("path" or "matcher") && !Numbers.Any(n => n.Key == k)))
            problems.Add($"{Extension}: {key}: unknown; use path, matcher, interval, timeout, healthy_threshold, unhealthy_threshold or grace_period");
        var path = map.GetValueOrDefault("path") as string;
        if (map.ContainsKey("path") && path is not { Length: > 0 and <= 1024 } || path is not null && !path.StartsWith('/'))
            problems.Add($"{Extension}: path: must start with / (at most 1024 characters)");
        var matcher = map.GetValueOrDefault("matcher") switch { string s => s, long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => null };
        if (map.ContainsKey("matcher") && (matcher is null || !MatcherPattern().IsMatch(matcher)))
            problems.Add($"{Extension}: matcher: must be HTTP codes such as \"200\", \"200,302\" or \"200-399\"");
        settings = settings with
        {
            Interval = numbers.GetValueOrDefault("interval", settings.Interval),
            Timeout = numbers.GetValueOrDefault("timeout", settings.Timeout),
            HealthyThreshold = numbers.GetValueOrDefault("healthy_threshold", settings.HealthyThreshold),
            UnhealthyThreshold = numbers.GetValueOrDefault("unhealthy_threshold", settings.UnhealthyThreshold),
            GracePeriod = numbers.GetValueOrDefault("grace_period", settings.GracePeriod),
            Path = path,
            Matcher = matcher,
        };
        if (settings.Timeout >= settings.Interval)
            problems.Add($"{Extension}: timeout ({settings.Timeout}s) must be shorter than interval ({settings.Interval}s)");
        return (settings, [.. problems]);
    }

    [GeneratedRegex(@"^[1-5][0-9]{2}(-[1-5][0-9]{2})?(,[1-5][0-9]{2}(-[1-5][0-9]{2})?)*$")]
    private static partial Regex MatcherPattern();
}
