using System.Text.RegularExpressions;
using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;
using ComposeEcs.Compose.Model;
using ComposeEcs.Ecs;

namespace ComposeEcs.Deploy.Images;

/// <summary>How <c>up</c> treats services with <c>build:</c>.</summary>
public enum BuildMode
{
    /// <summary>Build with the Docker cache and push what changed (the default).</summary>
    Build,
    /// <summary><c>--build</c>: rebuild ignoring the cache, pulling base images again.</summary>
    Rebuild,
    /// <summary><c>--no-build</c>: deploy the last image pushed to each repository.</summary>
    NoBuild,
    /// <summary><c>--dry-run</c>: build nothing, say what would be built.</summary>
    DryRun,
}

public enum ImageOutcome { Ready, BadInput, Failed }

/// <param name="Parameters">Template parameter name → image by digest (<c>&lt;registry&gt;/&lt;repository&gt;@sha256:...</c>).</param>
public sealed record ImageResult(ImageOutcome Outcome, IReadOnlyDictionary<string, string> Parameters, string? Error)
{
    public static ImageResult Bad(string error) => new(ImageOutcome.BadInput, new Dictionary<string, string>(), error);
    public static ImageResult Fail(string error) => new(ImageOutcome.Failed, new Dictionary<string, string>(), error);
}

/// <summary>
/// Builds every <c>build:</c> service with the local Docker CLI and pushes it to ECR, so the stack deploys the image by
/// digest. Unchanged images are detected by content: the pushed tag is derived from the image id docker reports
/// (<c>--iidfile</c>), a cached rebuild of unchanged sources gives the same id, and a tag already in the repository is
/// not pushed again — the parameter keeps its digest and the change set is empty.
/// </summary>
/// <param name="say">Progress for the user (one line each).</param>
public sealed partial class ImageBuilder(AwsContext aws, Action<string> say)
{
    public const string TagPrefix = "build-";

    [GeneratedRegex(@"digest: (?<digest>sha256:[0-9a-f]{64})")]
    private static partial Regex PushedDigest();

    /// <summary>No Docker on PATH: the one line that says which services need it and what to do.</summary>
    public static string DockerMissing(IEnumerable<BuiltImage> images) =>
        $"{Services(images)} need{(images.Count() == 1 ? "s" : "")} a build, but docker is not on PATH: install Docker (with buildx), " +
        "or deploy the images pushed last with 'compose-ecs up --no-build'";

    private static string Services(IEnumerable<BuiltImage> images) =>
        (images.Count() == 1 ? "service " : "services ") + string.Join(", ", images.Select(i => i.Service));

    public async Task<ImageResult> RunAsync(
        ComposeProject project, BuildMode mode, DockerCli? docker, CancellationToken cancellationToken)
    {
        var images = BuiltImages.Of(project);
        if (images.IsEmpty) return new ImageResult(ImageOutcome.Ready, new Dictionary<string, string>(), null);
        return mode switch
        {
            BuildMode.NoBuild => await LastPushedAsync(project, images, cancellationToken).ConfigureAwait(false),
            BuildMode.DryRun => await DryRunAsync(project, images, cancellationToken).ConfigureAwait(false),
            _ when docker is null => ImageResult.Bad(DockerMissing(images)),
            _ => await BuildAllAsync(project, images, mode == BuildMode.Rebuild, docker, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<ImageResult> BuildAllAsync(
        ComposeProject project, IReadOnlyList<BuiltImage> images, bool fresh, DockerCli docker, CancellationToken cancellationToken)
    {
        var auth = await aws.Ecr.GetAuthorizationTokenAsync(cancellationToken).ConfigureAwait(false);
        var registry = auth.Registry;
        var account = registry.Split('.')[0];
        foreach (var image in images)
            if (ImageRepositories.ParseEcrImage(image.Image) is { } named && (named.Account != account || named.Region != aws.Region))
                return ImageResult.Bad($"service \"{image.Service}\": image: {image.Image} is in the ECR registry of account {named.Account} in {named.Region}; " +
                    $"compose-ecs pushes to the deploying account's registry ({registry}): name a repository there, or remove image: to use {ImageRepositories.NameFor(project.Name, image with { Image = null })}");

        var buildx = (await docker.RunAsync(["buildx", "version"], cancellationToken: cancellationToken).ConfigureAwait(false)).Succeeded;
        // The password goes to docker on standard input only, never on its command line.
        var login = await docker.RunAsync(["login", "--username", auth.UserName, "--password-stdin", registry], auth.Password, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!login.Succeeded) return ImageResult.Fail($"docker login to {registry} failed: {login.LastLine}");

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in BuildPlan.Order(images))
        {
            if (BuildPlan.Leader(image, images) is var leader && leader != image)
            {
                parameters[image.ParameterName] = parameters[leader.ParameterName];
                continue;
            }
            var name = ImageRepositories.NameFor(project.Name, image);
            var (repository, created) = await ImageRepositories.EnsureAsync(aws, project.Name, image.Service, name, cancellationToken).ConfigureAwait(false);
            if (created) say($"Created ECR repository {repository.RepositoryName}");
            var (digest, error) = await BuildOneAsync(project, image, repository, buildx, fresh, docker, cancellationToken).ConfigureAwait(false);
            if (error is not null) return ImageResult.Fail(error);
            parameters[image.ParameterName] = $"{repository.RepositoryUri}@{digest}";
        }
        foreach (var shared in images.GroupBy(i => BuildPlan.Leader(i, images).Service).Where(g => g.Count() > 1))
            say($"Services {string.Join(", ", shared.Select(i => i.Service).Where(s => s != shared.Key))} use the image built for {shared.Key}");
        return new ImageResult(ImageOutcome.Ready, parameters, null);
    }

    private async Task<(string? Digest, string? Error)> BuildOneAsync(
        ComposeProject project, BuiltImage image, EcrRepository repository, bool buildx, bool fresh, DockerCli docker, CancellationToken cancellationToken)
    {
        var idFile = Path.Combine(Path.GetTempPath(), $"compose-ecs-{Guid.NewGuid():N}.iid");
        try
        {
            var (arguments, invalid) = DockerBuildArguments.For(project, image, buildx, repository.RepositoryUri, idFile, fresh);
            if (invalid is not null) return (null, invalid);
            say($"Building {image.Service} from {image.ContextText} for {image.Platform}");
            var built = await docker.RunAsync(arguments!, workingDirectory: project.WorkingDirectory, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!built.Succeeded) return (null, $"docker build of service \"{image.Service}\" failed: {built.LastLine}");
            var imageId = File.Exists(idFile) ? (await File.ReadAllTextAsync(idFile, cancellationToken).ConfigureAwait(false)).Trim() : "";
            var hex = imageId.StartsWith("sha256:", StringComparison.Ordinal) ? imageId[7..] : imageId;
            if (hex.Length < 16) return (null, $"docker build of service \"{image.Service}\" did not report an image id");

            var tag = TagPrefix + hex[..16];
            var target = $"{repository.RepositoryUri}:{tag}";
            var existing = await aws.Ecr.DescribeImagesAsync(repository.RepositoryName, [new EcrImageId(Tag: tag)], cancellationToken).ConfigureAwait(false);
            if (existing.FirstOrDefault() is { } same)
            {
                say($"Image of {image.Service} unchanged: {repository.RepositoryUri}@{same.Digest}");
                return (same.Digest, null);
            }
            var tagged = await docker.RunAsync(["tag", imageId, target], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!tagged.Succeeded) return (null, $"docker tag of service \"{image.Service}\" failed: {tagged.LastLine}");
            say($"Pushing {target}");
            var pushed = await docker.RunAsync(["push", target], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!pushed.Succeeded) return (null, $"docker push of service \"{image.Service}\" to {repository.RepositoryUri} failed: {pushed.LastLine}");
            if (PushedDigest().Match(pushed.Output) is not { Success: true } match)
                return (null, $"docker push of service \"{image.Service}\" did not print the pushed digest");
            var digest = match.Groups["digest"].Value;
            say($"Pushed {image.Service}: {repository.RepositoryUri}@{digest}");
            return (digest, null);
        }
        finally
        {
            File.Delete(idFile);
        }
    }

    private async Task<ImageResult> LastPushedAsync(ComposeProject project, IReadOnlyList<BuiltImage> images, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            var name = BuildPlan.RepositoryOf(project.Name, image, images);
            var last = await LastImageAsync(name, cancellationToken).ConfigureAwait(false);
            if (last is null)
                return ImageResult.Bad($"service \"{image.Service}\": no image was pushed to the ECR repository {name} yet; run 'compose-ecs up' without --no-build");
            say($"Using the last image pushed for {image.Service}: {last}");
            parameters[image.ParameterName] = last;
        }
        return new ImageResult(ImageOutcome.Ready, parameters, null);
    }

    private async Task<ImageResult> DryRunAsync(ComposeProject project, IReadOnlyList<BuiltImage> images, CancellationToken cancellationToken)
    {
        var deployed = await aws.CloudFormation.FindStackAsync(StackNames.For(project.Name), cancellationToken).ConfigureAwait(false);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            var name = BuildPlan.RepositoryOf(project.Name, image, images);
            say($"Would build {image.Service} from {image.ContextText} for {image.Platform} and push it to the ECR repository {name}");
            // The change set shows everything but the image: the deployed one, else the last pushed, else a placeholder.
            parameters[image.ParameterName] = deployed?.Parameters.FirstOrDefault(p => p.Key == image.ParameterName)?.Value
                ?? await LastImageAsync(name, cancellationToken).ConfigureAwait(false)
                ?? $"{name}:not-built-yet";
        }
        return new ImageResult(ImageOutcome.Ready, parameters, null);
    }

    /// <summary>The newest image of the repository by digest, or null when the repository or any image is missing.</summary>
    private async Task<string?> LastImageAsync(string repositoryName, CancellationToken cancellationToken)
    {
        var repository = await aws.Ecr.FindRepositoryAsync(repositoryName, cancellationToken).ConfigureAwait(false);
        if (repository is null) return null;
        var images = await aws.Ecr.DescribeImagesAsync(repositoryName, cancellationToken: cancellationToken).ConfigureAwait(false);
        return images.OrderByDescending(i => i.PushedAt).FirstOrDefault() is { } newest ? $"{repository.RepositoryUri}@{newest.Digest}" : null;
    }
}
