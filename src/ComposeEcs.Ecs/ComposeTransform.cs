using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

// How the transform is put together (read this before adding a concern):
//
//   0. Prepare     LocalInputs: bind mounts, configs and host-only settings decided from the project and the
//                  LocalFiles snapshot in the options; every later stage sees the prepared project.
//   1. Bind        AwsBinder: every x-aws-* extension parsed once, at its own position, into AwsSettings; nothing
//                  after this reads Extensions.
//      Checks      (ComposeProject, AwsSettings) -> diagnostics. Every concern validates its own fields and how they
//                  relate to others; any error (binding's included) stops here, so the later stages may assume a
//                  valid project and never fail.
//   2. Context     TransformContext: project-wide facts (the AwsSettings, VPC/subnets, cluster reference, load balancer shape).
//   3. Plan        One immutable ServicePlan per service, started from the service and passed through every plan
//                  step in order; each step returns a changed copy (containers, task volumes, role policies,
//                  security groups, load balancer targets, DependsOn, launch type...).
//   4. Emit        Each emitter turns context + all final plans into a Template fragment; fragments are merged
//                  (a logical id emitted twice is a bug and throws).
//   5. Finish      Whole-template passes (such as the x-aws-cloudformation overlay) that may still add diagnostics.
//
// A new concern is a new file with any of Check/Plan/Emit/Finish functions, added to the lists below.

/// <summary>Inputs the transform needs from outside the compose project.</summary>
public sealed partial record TransformOptions
{
    /// <summary>Bind-mount and config sources as read by <see cref="LocalFiles.Read"/>; none: every source is missing.</summary>
    public LocalFiles LocalFiles { get; init; } = LocalFiles.None;
}

public static class ComposeTransform
{
    private static readonly ImmutableArray<Func<ComposeProject, AwsSettings, IEnumerable<Diagnostic>>> Checks =
    [
        FieldsOnly(ProjectLimits.Check), FieldsOnly(LogicalIds.Check), FieldsOnly(SupportChecks.Check), FieldsOnly(Compatibility.Check), Networks.Check,
        FieldsOnly(Ports.Check), LoadBalancing.Check, PublicPorts.Check, FieldsOnly(FargateSizes.Check), Containers.Check, FieldsOnly(Services.Check),
        FieldsOnly(Logging.Check), ExistingResources.Check, FieldsOnly(ServiceDiscovery.Check), FieldsOnly(DnsAliases.Check), Jobs.Check, FieldsOnly(Secrets.Check),
        FieldsOnly(SecretAccess.Check), FieldsOnly(Volumes.Check), FieldsOnly(VolumeOwners.Check), Gpu.Check, Https.Check, FieldsOnly(BuildFields.Check),
    ];

    private static Func<ComposeProject, AwsSettings, IEnumerable<Diagnostic>> FieldsOnly(Func<ComposeProject, IEnumerable<Diagnostic>> check) =>
        (project, _) => check(project);

    private static readonly ImmutableArray<Func<TransformContext, ServicePlan, ServicePlan>> PlanSteps =
    [
        Images.Plan, Networks.Plan, Logging.Plan, LoadBalancing.Plan, ServiceDiscovery.Plan, DnsSearch.Plan, Jobs.Plan, Services.Plan, Iam.Plan,
        Secrets.Plan, SecretAccess.Plan, Volumes.Plan, TaskLocalVolumes.Plan, Gpu.Plan, FileDelivery.Plan,
    ];

    private static readonly ImmutableArray<Func<TransformContext, ImmutableArray<ServicePlan>, Template>> Emitters =
    [
        Cluster.Emit, Networks.Emit, Logging.Emit, LogSources.Emit, LoadBalancing.Emit, Endpoints.Emit, ServiceDiscovery.Emit, DnsAliases.Emit, Iam.Emit,
        TaskDefinitions.Emit, Services.Emit,
        Secrets.Emit, Volumes.Emit, Autoscaling.Emit, Gpu.Emit, Https.Emit, ExistingResources.Emit,
        Images.Emit, ExternalVolumes.Emit, KeptFileSystems.Emit,
    ];

    private static readonly ImmutableArray<Func<TransformContext, Template, Result<Template>>> Finishers = [Overlay.Finish, TaskDefinitionSize.Finish, TemplateParameters.Finish];

    /// <summary>Pure: the same project and options always give the same template (or the same diagnostics).</summary>
    public static Result<Template> Convert(ComposeProject project, TransformOptions? options = null)
    {
        options ??= new TransformOptions();
        var prepared = LocalInputs.Prepare(project, options.LocalFiles);
        project = DefaultNetwork.Prepare(prepared.Project);
        var aws = AwsBinder.Bind(project);
        var diagnostics = prepared.Diagnostics.Concat(aws.Diagnostics).Concat(Checks.SelectMany(check => check(project, aws.Settings))).InSourceOrder();
        if (diagnostics.Any(d => d.Severity == Severity.Error)) return new(null, diagnostics);

        var context = TransformContext.Create(project, aws.Settings, options) with { Deliveries = prepared.Deliveries };
        // One-shot jobs run inside their dependents' tasks (Jobs.Plan), not as ECS services of their own.
        var plans = project.Services.Values
            .Where(service => !Jobs.IsJob(project, service))
            .Select(service => PlanSteps.Aggregate(Start(service, context.Aws.Of(service)), (plan, step) => step(context, plan)))
            .ToImmutableArray();
        var template = Emitters.Aggregate(
            new Template { Description = $"compose-ecs: the {project.Name} compose project on ECS Fargate" },
            (merged, emit) => Merge(merged, emit(context, plans)));

        foreach (var finish in Finishers)
        {
            var finished = finish(context, template);
            diagnostics = diagnostics.AddRange(finished.Diagnostics).InSourceOrder();
            if (!finished.Succeeded || finished.Value is null) return new(null, diagnostics);
            template = finished.Value;
        }
        return new(template, diagnostics);
    }

    private static ServicePlan Start(Service service, ServiceAws aws) => new()
    {
        Service = service,
        Aws = aws,
        Id = LogicalIds.Normalize(service.Name),
        Container = Containers.For(service, aws),
        Size = FargateSizes.For(service),
        Platform = Containers.Platform(service),
        DesiredCount = Services.DesiredCount(service),
        Deployment = Services.Deployment(service, aws),
    };

    internal static Template Merge(Template into, Template fragment) => into with
    {
        Parameters = Union(into.Parameters, fragment.Parameters, "parameter"),
        Conditions = Union(into.Conditions, fragment.Conditions, "condition"),
        Resources = Union(into.Resources, fragment.Resources, "resource"),
        Outputs = Union(into.Outputs, fragment.Outputs, "output"),
    };

    private static ImmutableSortedDictionary<string, T> Union<T>(ImmutableSortedDictionary<string, T> a, ImmutableSortedDictionary<string, T> b, string kind)
    {
        foreach (var key in b.Keys.Where(a.ContainsKey))
            throw new InvalidOperationException($"two concerns emit the {kind} \"{key}\"");
        return a.AddRange(b);
    }
}
