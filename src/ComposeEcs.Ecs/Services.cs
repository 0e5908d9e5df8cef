using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;
using EcsService = ComposeEcs.CloudFormation.Resources.Ecs.Service;

using Service = ComposeEcs.Compose.Model.Service;

namespace ComposeEcs.Ecs;

/// <summary>One ECS service per compose service: replicas, rolling-update percentages, networking, start order.</summary>
internal static class Services
{

    public static int DesiredCount(Service service) => service.Deploy?.Replicas ?? service.Scale ?? 1;

    /// <summary>
    /// ECS defaults (100/200) unless <c>deploy.update_config</c> says otherwise: <c>start-first</c> (or no order) starts
    /// <c>parallelism</c> new tasks before stopping old ones (max = 100 + ⌈100·p/r⌉, capped at 200), <c>stop-first</c>
    /// stops them first (min = 100 − ⌈100·p/r⌉). <c>x-aws-min_percent</c>/<c>x-aws-max_percent</c> on <c>deploy</c> or
    /// the service win.
    /// </summary>
    public static DeploymentConfiguration Deployment(Service service, ServiceAws aws)
    {
        int? min = null, max = null;
        var replicas = Math.Max(1, DesiredCount(service));
        if (service.Deploy?.UpdateConfig is { } update)
        {
            var step = update.Parallelism is > 0 and var p ? (int)Math.Ceiling(100.0 * p / replicas) : 100;
            if (update.Order == "stop-first") (min, max) = (Math.Max(0, 100 - step), 100);
            else if (update.Parallelism is > 0 || update.Order == "start-first") (min, max) = (100, Math.Min(200, 100 + step));
        }
        min = aws.MinPercent ?? min;
        max = aws.MaxPercent ?? max;
        return new DeploymentConfiguration
        {
            MinimumHealthyPercent = min,
            MaximumPercent = max,
            DeploymentCircuitBreaker = new DeploymentCircuitBreaker(Enable: true, Rollback: true),
        };
    }

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        foreach (var service in project.Services.Values)
        {
            if (service.Deploy?.Mode == "global")
                yield return Diagnostic.Warning(DiagnosticCodes.Ignored, $"service \"{service.Name}\": deploy.mode: global is not available on Fargate, running {DesiredCount(service)} task(s)", service.LocationOf("deploy.mode"));
            if (DesiredCount(service) < 0)
                yield return Diagnostic.Error(DiagnosticCodes.Service, $"service \"{service.Name}\": deploy.replicas: cannot be negative", service.LocationOf(service.Deploy?.Replicas is not null ? "deploy.replicas" : "scale"));
            foreach (var dependency in service.DependsOn.Keys.Where(d => !project.Services.ContainsKey(d)))
                yield return Diagnostic.Error(DiagnosticCodes.Service, $"service \"{service.Name}\": depends_on: service \"{dependency}\" is not in the project", service.LocationOf($"depends_on.{dependency}") is { } at && service.Fields.Has($"depends_on.{dependency}") ? at : service.LocationOf("depends_on"));
        }
    }

    /// <summary>
    /// Plan step: <c>depends_on</c> (and nothing else) makes CloudFormation create the other ECS services first.
    /// CloudFormation finishes creating an ECS service once it is stable, which for a task with a container health
    /// check means its tasks are healthy: that is <c>service_healthy</c>. Jobs are not services (see <see cref="Jobs"/>):
    /// what they wait for, their dependents wait for.
    /// </summary>
    public static ServicePlan Plan(TransformContext context, ServicePlan plan) => plan with
    {
        DependsOn = [.. plan.DependsOn, .. Jobs.ServiceDependencies(context.Project, plan.Service).Select(LogicalIds.Service)],
    };

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var resources = Sorted.Empty<Resource>();
        var outputs = Sorted.Empty<Output>();
        foreach (var plan in plans)
        {
            var name = plan.Service.Name;
            var id = LogicalIds.Service(name);
            resources = resources.Add(id, Resource.Of(new EcsService
            {
                Cluster = context.Cluster,
                TaskDefinition = Fn.Ref(LogicalIds.TaskDefinition(name)),
                LaunchType = plan.LaunchType,
                CapacityProviderStrategy = plan.CapacityProviderStrategy.IsEmpty ? null : plan.CapacityProviderStrategy,
                DesiredCount = plan.DesiredCount,
                DeploymentConfiguration = plan.Deployment,
                NetworkConfiguration = new NetworkConfiguration(new AwsVpcConfiguration
                {
                    AssignPublicIp = plan.AssignPublicIp,
                    SecurityGroups = plan.SecurityGroups.IsEmpty ? null : plan.SecurityGroups,
                    Subnets = plan.Subnets ?? context.Vpc.Subnets,
                }),
                LoadBalancers = plan.LoadBalancers.IsEmpty ? null : plan.LoadBalancers,
                HealthCheckGracePeriodSeconds = TargetHealth.GracePeriod(plan),
                ServiceRegistries = plan.ServiceRegistries.IsEmpty ? null : plan.ServiceRegistries,
                ServiceConnectConfiguration = plan.ServiceConnect,
                PropagateTags = "SERVICE",
                Tags = context.ServiceTags(name),
            }) with { DependsOn = [.. plan.DependsOn.Distinct().Order(StringComparer.Ordinal)] });
            outputs = outputs.Add($"{plan.Id}ServiceName",
                new Output(Fn.GetAtt(id, "Name")) { Description = $"Name of the ECS service running {name}" });
        }
        return new Template { Resources = resources, Outputs = outputs };
    }
}
