using System.Text;
using System.Text.RegularExpressions;
using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;
using ComposeEcs.Ecs;

namespace ComposeEcs.Deploy.Images;

/// <summary>An image reference that names an ECR repository: <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com/&lt;repository&gt;[:tag]</c>.</summary>
public sealed record EcrImageReference(string Account, string Region, string Repository);

/// <summary>
/// Which ECR repository each built service goes to, and the repositories themselves: created when missing with the
/// project tag, scan on push and a lifecycle policy that keeps the last <see cref="KeptImages"/> images.
/// </summary>
public static partial class ImageRepositories
{
    public const int KeptImages = 10;
    public const string ProjectTag = "com.docker.compose.project";
    public const string ServiceTag = "com.docker.compose.service";

    /// <summary>Expires all but the newest images (any tag status), so pushes on every change do not pile up.</summary>
    public static readonly string LifecyclePolicy =
        "{\"rules\":[{\"rulePriority\":1,\"description\":\"keep the last " + KeptImages + " images\"," +
        "\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":" + KeptImages + "}," +
        "\"action\":{\"type\":\"expire\"}}]}";

    [GeneratedRegex(@"^(?<account>\d{12})\.dkr\.ecr(-fips)?\.(?<region>[a-z0-9-]+)\.amazonaws\.com(\.cn)?/(?<repo>[^:@]+)(:[^@/]+)?(@.+)?$")]
    private static partial Regex EcrImagePattern();

    public static EcrImageReference? ParseEcrImage(string? image) =>
        image is not null && EcrImagePattern().Match(image) is { Success: true } m
            ? new EcrImageReference(m.Groups["account"].Value, m.Groups["region"].Value, m.Groups["repo"].Value)
            : null;

    /// <summary><c>&lt;project&gt;/&lt;service&gt;</c> in ECR's alphabet (lower case, single separators), or the repository <c>image:</c> names.</summary>
    public static string NameFor(string project, BuiltImage image) =>
        ParseEcrImage(image.Image)?.Repository ?? $"{Part(project)}/{Part(image.Service)}";

    private static string Part(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            var kept = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-';
            if (!char.IsAsciiLetterOrDigit(kept) && (text.Length == 0 || !char.IsAsciiLetterOrDigit(text[^1]))) continue;
            text.Append(kept);
        }
        return text.ToString().TrimEnd('.', '_', '-');
    }

    /// <summary>The repository, created (tagged, scan on push, lifecycle policy) when it does not exist yet.</summary>
    public static async Task<(EcrRepository Repository, bool Created)> EnsureAsync(
        AwsContext aws, string project, string service, string name, CancellationToken cancellationToken)
    {
        if (await aws.Ecr.FindRepositoryAsync(name, cancellationToken).ConfigureAwait(false) is { } existing) return (existing, false);
        EcrRepository created;
        try
        {
            created = await aws.Ecr.CreateRepositoryAsync(name, [new EcrTag(ProjectTag, project), new EcrTag(ServiceTag, service)], scanOnPush: true, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "RepositoryAlreadyExistsException")
        {
            // Created meanwhile (a parallel up): use it as it is.
            return (await aws.Ecr.FindRepositoryAsync(name, cancellationToken).ConfigureAwait(false)
                ?? throw new AwsDeployException($"ECR repository {name} exists but cannot be described"), false);
        }
        await aws.Ecr.PutLifecyclePolicyAsync(name, LifecyclePolicy, cancellationToken).ConfigureAwait(false);
        return (created, true);
    }

    /// <summary>The repositories compose-ecs created for a project: named <c>&lt;project&gt;/...</c> (or listed) and tagged with the project.</summary>
    public static async Task<IReadOnlyList<EcrRepository>> OfProjectAsync(
        AwsContext aws, string project, IEnumerable<string> alsoNamed, CancellationToken cancellationToken)
    {
        var prefix = Part(project) + "/";
        var named = alsoNamed.ToHashSet(StringComparer.Ordinal);
        var candidates = (await aws.Ecr.DescribeRepositoriesAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => r.RepositoryName.StartsWith(prefix, StringComparison.Ordinal) || named.Contains(r.RepositoryName));
        var ours = new List<EcrRepository>();
        foreach (var repository in candidates.OrderBy(r => r.RepositoryName, StringComparer.Ordinal))
        {
            var tags = await aws.Ecr.ListTagsForResourceAsync(repository.RepositoryArn, cancellationToken).ConfigureAwait(false);
            if (tags.Any(t => t.Key == ProjectTag && t.Value == project)) ours.Add(repository);
        }
        return ours;
    }
}
