using ComposeEcs.Aws;
using ComposeEcs.Compose.Model;
using ComposeEcs.Ecs;

namespace ComposeEcs.Deploy.Images;

/// <summary>
/// <c>down --rmi all</c>: deletes the ECR repositories <c>up</c> created for the project, images included. Only
/// repositories tagged with the project are touched, so one that <c>image:</c> named but someone else created stays.
/// </summary>
public static class RepositoryCleanup
{
    /// <param name="project">The loaded project when the compose files are at hand (its <c>image:</c> repositories are candidates too).</param>
    public static async Task<IReadOnlyList<string>> DeleteAsync(
        AwsContext aws, string projectName, ComposeProject? project, CancellationToken cancellationToken)
    {
        var named = project is null ? [] : BuiltImages.Of(project).Select(i => ImageRepositories.NameFor(projectName, i));
        var repositories = await ImageRepositories.OfProjectAsync(aws, projectName, named, cancellationToken).ConfigureAwait(false);
        foreach (var repository in repositories)
            await aws.Ecr.DeleteRepositoryAsync(repository.RepositoryName, force: true, cancellationToken).ConfigureAwait(false);
        return [.. repositories.Select(r => r.RepositoryName)];
    }
}
