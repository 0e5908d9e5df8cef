using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.CloudFormation.Resources.Iam;
using ComposeEcs.CloudFormation.Resources.Logs;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;
using Service = ComposeEcs.Compose.Model.Service;

namespace ComposeEcs.Ecs;

/// <summary>Where one service logs, decided once (<see cref="Logging.Target"/>) and read by the plan, the emitter and the outputs.</summary>
/// <param name="Custom">The group is not the project's own (<c>logging.options.awslogs-group</c>).</param>
/// <param name="DriverCreates"><c>awslogs-create-group: "true"</c>: the awslogs driver creates the group, the template does not.</param>
internal sealed record LogTarget(LogSource Source, bool Custom, bool DriverCreates);

/// <summary>
/// One CloudWatch log group for the project; every container logs to it with the awslogs driver. A custom
/// <c>awslogs-group</c> is created by the template too, with the project's retention, unless the service asks the
/// driver to create it (<c>awslogs-create-group: "true"</c>, the way to use a group that already exists); then the
/// execution role gets <c>logs:CreateLogGroup</c> on it, which "your IAM policy must include" for that option
/// (LogConfiguration options, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html).
/// Writing streams (<c>logs:CreateLogStream</c>, <c>logs:PutLogEvents</c>) is in the managed execution role policy.
/// </summary>
internal static partial class Logging
{
    private const string GroupOption = "awslogs-group";
    private const string PrefixOption = "awslogs-stream-prefix";
    private const string CreateOption = "awslogs-create-group";
    private const string RegionOption = "awslogs-region";

    /// <summary>The retention periods CloudWatch Logs accepts, in days.</summary>
    public static readonly ImmutableArray<int> Retentions =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static string GroupName(string project) => $"/docker-compose/{project}";

    public static LogSource Default(ComposeProject project) => new(GroupName(project.Name), project.Name);

    public static LogTarget Target(ComposeProject project, Service service)
    {
        var options = service.Logging is { Driver: null or "awslogs" } logging ? logging.Options : Maps.Empty<string>();
        var group = options.GetValueOrDefault(GroupOption) ?? GroupName(project.Name);
        var source = new LogSource(group, options.GetValueOrDefault(PrefixOption) ?? project.Name);
        return new LogTarget(source, group != GroupName(project.Name), options.GetValueOrDefault(CreateOption) == "true");
    }

    /// <summary>The custom groups the template creates, by name, with their logical ids.</summary>
    public static ImmutableSortedDictionary<string, string> CreatedGroups(ComposeProject project)
    {
        var names = project.Services.Values.Select(s => Target(project, s)).Where(t => t.Custom && !t.DriverCreates)
            .Select(t => t.Source.Group).Distinct().ToList();
        var clashing = names.GroupBy(LogicalIds.Normalize).Where(g => g.Count() > 1 || g.Key.Length == 0).SelectMany(g => g).ToHashSet();
        return names.ToImmutableSortedDictionary(n => n,
            n => LogicalIds.Normalize(n) + (clashing.Contains(n) ? AwsNames.Hash(n) : "") + "LogGroup", StringComparer.Ordinal);
    }

    // "Log group names can be between 1 and 512 characters long ... a-z, A-Z, 0-9, '_', '-', '/', '.' and '#'"
    // (AWS::Logs::LogGroup LogGroupName); stream names, and so their prefix, "cannot contain ':' or '*'" (CreateLogStream).
    [GeneratedRegex(@"^[A-Za-z0-9_\-/.#]{1,512}$")]
    private static partial Regex GroupNamePattern();

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        foreach (var service in project.Services.Values)
        {
            if (service.Logging?.Driver is { } driver && driver != "awslogs")
            {
                yield return Diagnostic.Warning(DiagnosticCodes.Ignored,
                    $"service \"{service.Name}\": logging.driver: {driver} is not supported, logs go to CloudWatch Logs (awslogs)", service.LocationOf("logging.driver"));
                continue;
            }
            var options = service.Logging?.Options ?? Maps.Empty<string>();
            if (options.GetValueOrDefault(GroupOption) is { } group && !GroupNamePattern().IsMatch(group))
                yield return Diagnostic.Error(DiagnosticCodes.Logging,
                    $"service \"{service.Name}\": logging.options.{GroupOption}: \"{group}\" is not a CloudWatch log group name " +
                    "(1 to 512 letters, digits and _ - / . #)", service.LocationOf($"logging.options.{GroupOption}"));
            if (options.GetValueOrDefault(PrefixOption) is { } prefix && (prefix.Length == 0 || prefix.IndexOfAny([':', '*']) >= 0))
                yield return Diagnostic.Error(DiagnosticCodes.Logging,
                    $"service \"{service.Name}\": logging.options.{PrefixOption}: \"{prefix}\" cannot start a log stream name " +
                    "(it must not be empty nor contain : or *)", service.LocationOf($"logging.options.{PrefixOption}"));
            // The template creates the groups, the execution role may create them and `logs` reads them in the stack's own
            // region; a group in another region would be none of these, so tasks could not start.
            if (options.ContainsKey(RegionOption))
                yield return Diagnostic.Warning(DiagnosticCodes.Ignored,
                    $"service \"{service.Name}\": logging.options.{RegionOption} is ignored: logs go to the stack's own region, " +
                    "where the template creates the log group and `logs` reads it", service.LocationOf($"logging.options.{RegionOption}"));
            if (options.GetValueOrDefault(CreateOption) is { } create && create is not ("true" or "false"))
                yield return Diagnostic.Error(DiagnosticCodes.Logging,
                    $"service \"{service.Name}\": logging.options.{CreateOption}: must be \"true\" or \"false\"", service.LocationOf($"logging.options.{CreateOption}"));
        }
    }

    public static ServicePlan Plan(TransformContext context, ServicePlan plan)
    {
        var target = Target(context.Project, plan.Service);
        var options = new SortedDictionary<string, Expr>(StringComparer.Ordinal)
        {
            [GroupOption] = context.LogGroupName,
            [RegionOption] = Pseudo.Region,
            [PrefixOption] = context.Project.Name,
        };
        if (plan.Service.Logging is { Driver: null or "awslogs" } logging)
            foreach (var (key, value) in logging.Options.Where(o => o.Key.StartsWith("awslogs-", StringComparison.Ordinal) && o.Key != RegionOption))
                options[key] = value;
        // A Ref to the group the template creates makes the task definition wait for it.
        if (target.Custom && !target.DriverCreates)
            options[GroupOption] = Fn.Ref(CreatedGroups(context.Project)[target.Source.Group]);
        plan = plan.WithContainer(c => c with
        {
            LogConfiguration = new LogConfiguration { LogDriver = "awslogs", Options = options.ToImmutableSortedDictionary(StringComparer.Ordinal) },
        });
        if (!target.DriverCreates) return plan;
        var arn = $"arn:${{AWS::Partition}}:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:{target.Source.Group}";
        return plan with
        {
            ExecutionRolePolicies = [.. plan.ExecutionRolePolicies, new Policy("CreateLogGroup", new PolicyDocument
            {
                Statement = [new PolicyStatement { Action = ["logs:CreateLogGroup"], Resource = [Fn.Sub(arn), Fn.Sub(arn + ":*")] }],
            }.ToExpr())],
        };
    }

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var retention = context.Aws.LogRetentionDays?.Value;
        var resources = Sorted.Empty<Resource>().Add(LogicalIds.LogGroup, Resource.Of(new LogGroup
        {
            LogGroupName = GroupName(context.Project.Name),
            RetentionInDays = retention,
            Tags = context.ProjectTags,
        }));
        foreach (var (name, id) in CreatedGroups(context.Project))
            resources = resources.Add(id, Resource.Of(new LogGroup { LogGroupName = name, RetentionInDays = retention, Tags = context.ProjectTags }));
        return new Template { Resources = resources };
    }
}
