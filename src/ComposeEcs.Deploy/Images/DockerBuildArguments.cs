using ComposeEcs.Compose.Model;
using ComposeEcs.Ecs;

namespace ComposeEcs.Deploy.Images;

/// <summary>The <c>docker build</c> command line for a service: pure, so tests read it without running docker.</summary>
public static class DockerBuildArguments
{
    /// <summary>
    /// <c>docker buildx build --load</c> (or <c>docker build</c> without buildx) for the task's platform, with the
    /// compose file's dockerfile (relative to the context), also tagged with its <c>image:</c> name, target, args, secrets, ssh, cache sources and a host/none network. <paramref name="fresh"/>
    /// (<c>up --build</c>) ignores the build cache and pulls base images again. Null and an error when a build secret
    /// cannot be passed to docker.
    /// </summary>
    public static (IReadOnlyList<string>? Arguments, string? Error) For(
        ComposeProject project, BuiltImage image, bool buildx, string tag, string imageIdFile, bool fresh)
    {
        var build = image.Build;
        var args = new List<string>(buildx ? ["buildx", "build"] : ["build"]) { "--platform", image.Platform, "--iidfile", imageIdFile, "--tag", tag };
        // Also under the compose image: name, as docker compose tags it: another service's Dockerfile may build FROM it
        // (getsentry/self-hosted's cron images: BASE_IMAGE: sentry-self-hosted-local).
        if (image.Image is { Length: > 0 } named && named != tag) args.AddRange(["--tag", named]);
        if (buildx) args.Add("--load");
        if (build.Dockerfile is { Length: > 0 } dockerfile)
            args.AddRange(["--file", Path.IsPathRooted(dockerfile) || IsRemote(build.Context) ? dockerfile : Path.Combine(build.Context, dockerfile)]);
        if (build.Target is { Length: > 0 } target) args.AddRange(["--target", target]);
        foreach (var (key, value) in build.Args)
            args.AddRange(["--build-arg", value is null ? key : $"{key}={value}"]);
        foreach (var reference in build.Secrets)
        {
            var id = reference.Target ?? reference.Source;
            var secret = project.Secrets.GetValueOrDefault(reference.Source);
            var source = secret switch
            {
                { External: false, File: { } file } => $"src={file}",
                { External: false, Environment: { } variable } => $"env={variable}",
                _ => null,
            };
            if (source is null)
                return (null, $"service \"{image.Service}\": build.secrets: secret \"{reference.Source}\" must come from a file or an environment variable to be passed to docker build");
            args.AddRange(["--secret", $"id={id},{source}"]);
        }
        foreach (var ssh in build.Ssh) args.AddRange(["--ssh", ssh]);
        foreach (var cache in build.CacheFrom) args.AddRange(["--cache-from", cache]);
        // A network of the compose project does not exist on the machine that builds; BuildFields warns about those.
        if (BuildFields.IsBuilderNetwork(build.Network)) args.AddRange(["--network", build.Network!]);
        if (fresh) args.AddRange(["--no-cache", "--pull"]);
        args.Add(build.Context);
        return (args, null);
    }

    public static bool IsRemote(string context) =>
        context.Contains("://", StringComparison.Ordinal) || context.StartsWith("git@", StringComparison.Ordinal);
}
