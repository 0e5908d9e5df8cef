using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>The images of the init containers (<see cref="SecretsInit"/>, <see cref="DnsSearch"/>) must be image references.</summary>
internal static class InitImages
{
    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        foreach (var extension in new[] { SecretsInit.ImageExtension, DnsSearch.ImageExtension })
            if (project.Extensions.Has(extension) && !(project.Extensions.Get(extension) is string { Length: > 0 } image && !image.Any(char.IsWhiteSpace)))
                yield return Diagnostic.Error(DiagnosticCodes.ContainerSetting,
                    $"{extension}: must be an image reference such as public.ecr.aws/docker/library/busybox:1.36", project.Extensions.At(extension));
    }
}
