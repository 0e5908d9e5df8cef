using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// <c>build</c> fields that <c>up</c> cannot pass to <c>docker build</c> as written, warned about at their position:
/// <c>build.platforms</c> (ECS runs the task's one platform, so only that one is built) and a <c>build.network</c> naming
/// a network of the project (it does not exist on the machine that builds; <c>host</c> and <c>none</c> are passed on).
/// <c>build.cache_from</c> is passed on as <c>--cache-from</c>, which <c>docker build</c> and <c>buildx</c> both take.
/// The other <c>build</c> fields of the Compose Specification that <c>up</c> does not pass on are warned about at their
/// line with what is lost (<see cref="NotPassedOn"/>).
/// </summary>
public static class BuildFields
{
    /// <summary>The Compose Specification's build fields that <c>up</c> does not give <c>docker build</c>, and what that loses.</summary>
    public static readonly IReadOnlyList<(string Field, string Lost)> NotPassedOn =
    [
        ("dockerfile_inline", "the image is built from the context's Dockerfile (or build.dockerfile) instead"),
        ("additional_contexts", "build steps that read a named context fail"),
        ("cache_to", "the build cache is not exported"),
        ("entitlements", "no extra privileges are granted to build steps"),
        ("extra_hosts", "build steps do not get these host names"),
        ("isolation", "the builder's default isolation is used"),
        ("labels", "the image does not get these labels"),
        ("no_cache", "the builder's cache is used"),
        ("privileged", "build steps do not run privileged"),
        ("provenance", "the builder's default provenance attestation is used"),
        ("pull", "base images are pulled only when missing"),
        ("sbom", "no SBOM attestation is added"),
        ("shm_size", "build steps get the default /dev/shm size"),
        ("tags", "only the ECR tag compose-ecs pushes is applied"),
        ("ulimits", "build steps get the builder's default limits"),
    ];

    /// <summary>Networks <c>docker build --network</c> takes on any machine; others are the project's own.</summary>
    public static bool IsBuilderNetwork(string? network) => network is "host" or "none" or "default";

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        foreach (var image in BuiltImages.Of(project))
        {
            var service = project.Services[image.Service];
            var others = image.Build.Platforms.Where(p => !string.Equals(p, image.Platform, StringComparison.OrdinalIgnoreCase)).ToList();
            if (others.Count > 0)
                yield return Diagnostic.Warning(DiagnosticCodes.Ignored,
                    $"service \"{service.Name}\": build.platforms: only {image.Platform} is built, the platform its tasks run on; " +
                    $"{string.Join(", ", others)} {(others.Count == 1 ? "is" : "are")} not built or pushed", service.LocationOf("build.platforms"));
            foreach (var (field, lost) in NotPassedOn)
                if (service.Fields.Of($"build.{field}") is { } at)
                    yield return Diagnostic.Warning(DiagnosticCodes.Ignored,
                        $"service \"{service.Name}\": build.{field}: not passed to docker build, so {lost}", at);
            if (image.Build.Network is { } network && !IsBuilderNetwork(network))
                yield return Diagnostic.Warning(DiagnosticCodes.Ignored,
                    $"service \"{service.Name}\": build.network: \"{network}\" is ignored: it is not a network of the machine that builds, " +
                    "so the build runs on Docker's default network (only host and none are passed to docker build)", service.LocationOf("build.network"));
        }
    }
}
