using ComposeEcs.Aws;
using ComposeEcs.Deploy.Images;
using ComposeEcs.Ecs;

namespace ComposeEcs.Cli.Commands;

/// <summary>What <c>down</c> does with the ECR repositories of built images: keeps them (and says so), or with <c>--rmi all</c> deletes them.</summary>
internal static class DownImages
{
    public static async Task ReportAsync(AwsContext aws, ProjectTarget target, bool remove, CliContext context, CancellationToken cancellationToken)
    {
        if (remove)
        {
            foreach (var name in await RepositoryCleanup.DeleteAsync(aws, target.Name, target.Project, cancellationToken))
                await context.Out.WriteLineAsync($"Deleted ECR repository {name}");
            return;
        }
        var built = target.Project is { } project ? BuiltImages.Of(project) : [];
        if (built.IsEmpty) return;
        await context.Out.WriteLineAsync(
            $"Kept the ECR repositories of {string.Join(", ", built.Select(b => BuildPlan.RepositoryOf(target.Name, b, built)).Distinct(StringComparer.Ordinal))}; 'compose-ecs down --rmi all' deletes them");
    }
}
