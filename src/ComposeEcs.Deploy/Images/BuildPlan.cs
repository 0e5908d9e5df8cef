using ComposeEcs.Ecs;

namespace ComposeEcs.Deploy.Images;

/// <summary>
/// Which builds <c>up</c> runs, in which order, and which repository each service's image goes to. Services that
/// build the same image (the same <c>image:</c> name from the same context, Dockerfile, target, args and platform,
/// as getsentry/self-hosted's 23 services of <c>sentry-self-hosted-local</c>) are built and pushed once, to the
/// repository of the first of them by name, and all deploy that digest. A build whose args name another build's
/// <c>image:</c> (<c>BASE_IMAGE: sentry-self-hosted-local</c>) runs after the builds that make it.
/// </summary>
public static class BuildPlan
{
    /// <summary>The service whose build and repository <paramref name="image"/> shares (itself when none).</summary>
    public static BuiltImage Leader(BuiltImage image, IReadOnlyList<BuiltImage> all) =>
        image.Image is null ? image : all.Where(o => Key(o) == Key(image)).MinBy(o => o.Service, StringComparer.Ordinal) ?? image;

    /// <summary>The ECR repository <paramref name="image"/> is pushed to and deployed from.</summary>
    public static string RepositoryOf(string project, BuiltImage image, IReadOnlyList<BuiltImage> all) =>
        ImageRepositories.NameFor(project, Leader(image, all));

    /// <summary>The images in build order: those built from other builds' images last, otherwise by service name.</summary>
    public static IReadOnlyList<BuiltImage> Order(IReadOnlyList<BuiltImage> images)
    {
        var names = images.Select(i => i.Image).OfType<string>().ToHashSet(StringComparer.Ordinal);
        bool UsesBuilt(BuiltImage i) => i.Build.Args.Values.Any(v => v is not null && names.Contains(v) && v != i.Image);
        return [.. images.Where(i => !UsesBuilt(i)), .. images.Where(UsesBuilt)];
    }

    private static string Key(BuiltImage image)
    {
        var build = image.Build;
        return string.Join('\u001f',
            image.Image, image.Platform, build.Context, build.Dockerfile, build.Target, build.Network,
            string.Join(',', build.Args.Select(a => $"{a.Key}={a.Value}")),
            string.Join(',', build.CacheFrom), string.Join(',', build.Ssh),
            string.Join(',', build.Secrets.Select(r => $"{r.Source}>{r.Target}")));
    }
}
