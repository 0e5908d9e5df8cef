using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.CloudFormation.Resources.Logs;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>One CloudWatch log group for the project; every container logs to it with the awslogs driver.</summary>
internal static class Logging
{
    public const string RetentionExtension = "x-aws-logs_retention";

    /// <summary>The retention periods CloudWatch Logs accepts, in days.</summary>
    public static readonly ImmutableArray<int> Retentions =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static string GroupName(string project) => $"/docker-compose/{project}";

    private static int? Retention(ComposeProject project) =>
        int.TryParse(project.Extensions.GetString(RetentionExtension), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : null;

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        if (project.Extensions.Has(RetentionExtension) && !(Retention(project) is { } days && Retentions.Contains(days)))
            yield return Diagnostic.Error(DiagnosticCodes.Logging, 
                $"{RetentionExtension}: {project.Extensions.GetString(RetentionExtension) ?? "(not a number)"} is not a retention CloudWatch Logs accepts; " +
                $"use one of {string.Join(", ", Retentions)} (days)", project.Extensions.At(RetentionExtension));
        foreach (var service in project.Services.Values)
            if (service.Logging?.Driver is { } driver && driver != "awslogs")
                yield return Diagnostic.Warning(DiagnosticCodes.Ignored, 
                    $"service \"{service.Name}\": logging.driver: {driver} is not supported, logs go to CloudWatch Logs (awslogs)", service.LocationOf("logging.driver"));
    }

    public static ServicePlan Plan(TransformContext context, ServicePlan plan)
    {
        var options = new SortedDictionary<string, Expr>(StringComparer.Ordinal)
        {
            ["awslogs-group"] = context.LogGroupName,
            ["awslogs-region"] = Pseudo.Region,
            ["awslogs-stream-prefix"] = context.Project.Name,
        };
        if (plan.Service.Logging is { Driver: null or "awslogs" } logging)
            foreach (var (key, value) in logging.Options.Where(o => o.Key.StartsWith("awslogs-", StringComparison.Ordinal)))
                options[key] = value;
        return plan.WithContainer(c => c with
        {
            LogConfiguration = new LogConfiguration { LogDriver = "awslogs", Options = options.ToImmutableSortedDictionary(StringComparer.Ordinal) },
        });
    }

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans) => new()
    {
        Resources = Sorted.Empty<Resource>().Add(LogicalIds.LogGroup, Resource.Of(new LogGroup
        {
            LogGroupName = GroupName(context.Project.Name),
            RetentionInDays = Retention(context.Project),
            Tags = context.ProjectTags,
        })),
    };
}
