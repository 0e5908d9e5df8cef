using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// Compose features ECS on Fargate cannot run: rejected with an error when ignoring them would change what the app
/// does, ignored with a warning when it would still work. Every message names the service and the field.
/// </summary>
internal static class Compatibility
{
    public static IEnumerable<Diagnostic> Check(ComposeProject project) =>
        (project.Services.IsEmpty ? [Diagnostic.Error(DiagnosticCodes.NoServices, "services: the project has no services to run")] : Enumerable.Empty<Diagnostic>())
            .Concat(project.Services.Values.SelectMany(service => Rejected(project, service).Concat(Ignored(service))));

    private static IEnumerable<Diagnostic> Rejected(ComposeProject project, Service service)
    {
        Diagnostic Error(string field, string message, SourceLocation? at = null) =>
            Diagnostic.Error(DiagnosticCodes.NotOnFargate, $"service \"{service.Name}\": {field}: {message}", at ?? service.LocationOf(field));

        if (service.Image is not { Length: > 0 } && service.Build is null && !service.Other.Has("provider"))
            yield return Error("image", "missing; ECS needs an image to run");
        if (service.NetworkMode is { } mode && mode != "awsvpc")
            yield return Error("network_mode", $"\"{mode}\" is not supported, Fargate tasks always use awsvpc; remove it");
        if (service.Privileged)
            yield return Error("privileged", "Fargate does not run privileged containers; remove it (or set it to false in an override file)");
        foreach (var volume in service.Volumes)
        {
            // Bind mounts, anonymous volumes, host networking and host IPs were settled by LocalInputs before the checks.
            if (volume.Type == "volume" && volume.Source is not null && !project.Volumes.ContainsKey(volume.Source))
                yield return Error("volumes", $"volume \"{volume.Source}\" is not declared under the top-level volumes", volume.Location);
            else if (volume.Type is not ("volume" or "tmpfs" or "bind"))
                yield return Error("volumes", $"{volume.Target}: volume type \"{volume.Type}\" is not supported on Fargate", volume.Location);
        }
        for (var i = 0; i < service.Secrets.Length; i++)
            if (!project.Secrets.ContainsKey(service.Secrets[i].Source))
                yield return Error("secrets", $"secret \"{service.Secrets[i].Source}\" is not declared under the top-level secrets", service.LocationOf($"secrets[{i}]"));
        for (var i = 0; i < service.Configs.Length; i++)
            if (!project.Configs.ContainsKey(service.Configs[i].Source))
                yield return Error("configs", $"config \"{service.Configs[i].Source}\" is not declared under the top-level configs", service.LocationOf($"configs[{i}]"));
    }

    /// <summary>Parts of mapped fields that are left out; whole fields left out are rows of <see cref="SupportTable"/>.</summary>
    private static IEnumerable<Diagnostic> Ignored(Service service)
    {
        Diagnostic Warn(string field, string why, string? at = null) =>
            Diagnostic.Warning(DiagnosticCodes.Ignored, $"service \"{service.Name}\": {field}: ignored, {why}", service.LocationOf(at ?? field));

        if (service.Deploy?.RestartPolicy is not null) yield return Warn("deploy.restart_policy", "ECS restarts stopped tasks itself");
        if (service.Deploy is { PlacementConstraints.IsEmpty: false }) yield return Warn("deploy.placement", "Fargate chooses where tasks run");
        if (service.Deploy?.EndpointMode is not null) yield return Warn("deploy.endpoint_mode", "Cloud Map does the service discovery");
        if (service.Deploy?.Resources?.Limits?.Pids is not null) yield return Warn("deploy.resources.limits.pids", "Fargate has no PID limit setting");
        foreach (var (network, settings) in service.Networks.Where(n => n.Value.Ipv4Address is not null || n.Value.Ipv6Address is not null))
            yield return Warn(settings.Ipv4Address is not null ? "networks.ipv4_address" : "networks.ipv6_address", "tasks get addresses from their subnet",
                $"networks.{network}.{(settings.Ipv4Address is not null ? "ipv4_address" : "ipv6_address")}");
        foreach (var volume in service.Volumes.Where(v => v.Type == "tmpfs"))
            yield return Diagnostic.Warning(DiagnosticCodes.Ignored, $"service \"{service.Name}\": volumes: ignored, {volume.Target}: Fargate does not support tmpfs mounts", volume.Location ?? service.LocationOf("volumes"));
        if (service.PullPolicy is not (null or "always" or "missing"))
            yield return Warn("pull_policy", $"{service.PullPolicy}: ECS pulls the image when a task starts");
    }
}
