using System.Collections.Immutable;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

using Service = ComposeEcs.Compose.Model.Service;

namespace ComposeEcs.Ecs;

/// <summary>
/// One-shot jobs: a service others wait for with <c>condition: service_completed_successfully</c>, or any service with
/// <c>restart: "no"</c>. An ECS service restarts its tasks forever, so a job is not one: it runs as a non-essential
/// container in the task of each service that depends on it, and that service's container starts only when the job
/// has exited 0 (<c>SUCCESS</c>; <c>service_started</c> is <c>START</c>, <c>service_healthy</c> is <c>HEALTHY</c>). It
/// therefore runs once per task of each dependent, before that task's own container, and must be safe to repeat
/// (migrations usually are). A job nothing depends on has nowhere to run and is an error, as is a job that needs
/// what only its own task could give it (ports, volumes, secrets, configs, pull credentials).
/// </summary>
internal static class Jobs
{
    public const string CompletedSuccessfully = "service_completed_successfully";

    public static bool IsJob(ComposeProject project, Service service) =>
        service.Restart == "no" || AwaitedToComplete.GetValue(project, Awaited).Contains(service.Name);

    /// <summary>
    /// The services some service waits for with <see cref="CompletedSuccessfully"/>, found once per (immutable) project:
    /// scanning every service per question made converting 1,000 services take seconds.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ComposeProject, HashSet<string>> AwaitedToComplete = new();

    private static HashSet<string> Awaited(ComposeProject project) =>
        project.Services.Values.SelectMany(s => s.DependsOn).Where(d => d.Value.Condition == CompletedSuccessfully).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The ECS container dependency condition for a compose <c>depends_on</c> condition on a job.</summary>
    public static string Condition(ServiceDependency dependency) => dependency.Condition switch
    {
        CompletedSuccessfully => "SUCCESS",
        "service_healthy" => "HEALTHY",
        _ => "START",
    };

    /// <summary>The jobs that run in <paramref name="service"/>'s task, each after the jobs it depends on.</summary>
    public static ImmutableArray<Service> InTaskOf(ComposeProject project, Service service)
    {
        var order = new List<Service>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Visit(Service from)
        {
            foreach (var name in from.DependsOn.Keys)
            {
                if (!project.Services.TryGetValue(name, out var dependency) || !IsJob(project, dependency) || !seen.Add(name)) continue;
                Visit(dependency);
                order.Add(dependency);
            }
        }
        Visit(service);
        return [.. order];
    }

    /// <summary>
    /// The ECS services <paramref name="service"/> waits for: its <c>depends_on</c> that are services, and those of the
    /// jobs that run in its task (they cannot wait themselves).
    /// </summary>
    public static ImmutableArray<string> ServiceDependencies(ComposeProject project, Service service) =>
        [.. InTaskOf(project, service).Prepend(service)
            .SelectMany(s => s.DependsOn.Keys)
            .Where(name => project.Services.TryGetValue(name, out var d) && !IsJob(project, d))
            .Distinct().Order(StringComparer.Ordinal)];

    public static IEnumerable<Diagnostic> Check(ComposeProject project, AwsSettings aws)
    {
        foreach (var job in project.Services.Values.Where(s => IsJob(project, s)))
        {
            Diagnostic Error(string message, SourceLocation? at) => Diagnostic.Error(DiagnosticCodes.Job, $"service \"{job.Name}\": {message}", at ?? job.Location);
            var why = job.Restart == "no" ? "restart: \"no\" makes it a one-shot job" : $"others wait for it with {CompletedSuccessfully}, so it is a one-shot job";
            var inside = $"{(job.Restart == "no" ? "a one-shot job (restart: \"no\")" : "a one-shot job")} runs inside other services' tasks";
            if (!project.Services.Values.Any(s => s.DependsOn.ContainsKey(job.Name)))
                yield return Error($"{why}, but no service depends on it; ECS services restart their tasks forever, so a job runs " +
                                   "inside the tasks that wait for it: add it to their depends_on (condition: service_completed_successfully)", job.Restart == "no" ? job.LocationOf("restart") : null);
            if ((job.Ports.IsEmpty ? job.Expose.IsEmpty ? null : "expose" : "ports") is { } published)
                yield return Error($"{published}: {inside}; it cannot have ports or expose", job.LocationOf(published));
            if (job.Volumes.Any(v => v.Type != "volume" || v.Source is null))
                yield return Error($"volumes: {inside}; of its volumes only named ones can be mounted there (anonymous volumes and tmpfs would need a task of its own)", job.LocationOf("volumes"));
            if ((!job.Secrets.IsEmpty ? "secrets" : !job.Configs.IsEmpty ? "configs" : null) is { } files)
                yield return Error($"{files}: {inside}; secrets and configs are not available to it", job.LocationOf(files));
            if (aws.Of(job).PullCredentials is { } credentials)
                yield return Error($"{AwsExtensions.PullCredentials}: {inside}; registry credentials are not available to it", credentials.At);
            foreach (var dependent in project.Services.Values.Where(s => s.DependsOn.TryGetValue(job.Name, out var d) && d.Condition == "service_healthy"))
                if (Containers.HealthCheck(job.Healthcheck) is null)
                    yield return Diagnostic.Error(DiagnosticCodes.Job, 
                        $"service \"{dependent.Name}\": depends_on: {job.Name}: service_healthy needs a healthcheck on \"{job.Name}\"", dependent.LocationOf($"depends_on.{job.Name}"));
        }
    }

    /// <summary>
    /// A job's bind-mounted files and small directories: delivered content is a volume of the job's own task, which it
    /// does not have, so it is refused like its configs (it used to vanish without a word). Called by
    /// <see cref="LocalInputs"/>, which alone sees the mounts that became deliveries.
    /// </summary>
    public static IEnumerable<Diagnostic> CheckDeliveries(ComposeProject project, ImmutableSortedDictionary<string, ImmutableArray<FileItem>> delivered)
    {
        foreach (var (name, items) in delivered)
            if (project.Services.TryGetValue(name, out var job) && IsJob(project, job))
                foreach (var item in items)
                    yield return Diagnostic.Error(DiagnosticCodes.Job,
                        $"service \"{job.Name}\": {item.Label}: a one-shot job runs inside other services' tasks; bind-mounted files, secrets and configs are not available to it " +
                        "(bake the files into its image, or make it a service)", item.Location ?? job.Location);
    }

    /// <summary>Plan step: the service's jobs join its task, and its container waits for the ones it depends on.</summary>
    public static ServicePlan Plan(TransformContext context, ServicePlan plan)
    {
        var project = context.Project;
        var jobs = InTaskOf(project, plan.Service);
        if (jobs.IsEmpty) return plan;
        ContainerDependency[] WaitsFor(Service waiting) =>
        [
            .. waiting.DependsOn
                .Where(d => project.Services.TryGetValue(d.Key, out var s) && IsJob(project, s))
                .Select(d => new ContainerDependency(Containers.Name(d.Key), Condition(d.Value))),
        ];
        var containers = jobs.Select(job => Containers.For(job, context.Aws.Of(job)) with
        {
            Essential = false,
            LogConfiguration = plan.Container.LogConfiguration,
            DependsOn = [DnsSearch.Dependency, .. WaitsFor(job)],
        });
        return plan.WithContainer(c => c with { DependsOn = [.. c.DependsOn ?? [], .. WaitsFor(plan.Service)] }) with
        {
            Sidecars = [.. plan.Sidecars, .. containers],
        };
    }
}
