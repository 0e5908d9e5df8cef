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
        (project.Services.IsEmpty ? [Diagnostic.Error("services: the project has no services to run")] : Enumerable.Empty<Diagnostic>())
            .Concat(project.Services.Values.SelectMany(service => Rejected(project, service).Concat(Ignored(service))));

    private static IEnumerable<Diagnostic> Rejected(ComposeProject project, Service service)
    {
        Diagnostic Error(string field, string message, SourceLocation? at = null) =>
            Diagnostic.Error($"service \"{service.Name}\": {field}: {message}", at ?? service.Location);

        if (service.Image is not { Length: > 0 } && service.Build is null)
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
        foreach (var secret in service.Secrets.Where(s => !project.Secrets.ContainsKey(s.Source)))
            yield return Error("secrets", $"secret \"{secret.Source}\" is not declared under the top-level secrets");
        foreach (var config in service.Configs.Where(c => !project.Configs.ContainsKey(c.Source)))
            yield return Error("configs", $"config \"{config.Source}\" is not declared under the top-level configs");
    }

    private static IEnumerable<Diagnostic> Ignored(Service service)
    {
        Diagnostic Warn(string field, string why) => Diagnostic.Warning($"service \"{service.Name}\": {field}: ignored, {why}", service.Location);

        if (service.ContainerName is not null) yield return Warn("container_name", "ECS names containers itself");
        if (!service.Devices.IsEmpty) yield return Warn("devices", "Fargate gives tasks no host devices");
        if (!service.Links.IsEmpty) yield return Warn("links", "services reach each other by name through Service Connect");
        if (!service.ExternalLinks.IsEmpty) yield return Warn("external_links", "there are no other containers to link to");
        if (service.Ipc is not null) yield return Warn("ipc", "Fargate tasks cannot share IPC namespaces");
        if (service.Pid is not null) yield return Warn("pid", "Fargate tasks cannot share PID namespaces");
        if (!service.SecurityOpt.IsEmpty) yield return Warn("security_opt", "Fargate does not accept Docker security options");
        if (service.CgroupParent is not null) yield return Warn("cgroup_parent", "Fargate manages cgroups itself");
        if (!service.Dns.IsEmpty) yield return Warn("dns", "Fargate tasks use the VPC resolver");
        if (!service.DnsSearch.IsEmpty) yield return Warn("dns_search", "Fargate tasks use the VPC resolver");
        if (service.Hostname is not null) yield return Warn("hostname", "awsvpc tasks cannot set a hostname");
        if (service.Domainname is not null) yield return Warn("domainname", "awsvpc tasks cannot set a domain name");
        if (!service.ExtraHosts.IsEmpty) yield return Warn("extra_hosts", "awsvpc tasks on Fargate cannot add /etc/hosts entries");
        if (service.Restart is not null) yield return Warn("restart", "ECS restarts stopped tasks itself");
        if (service.Deploy?.RestartPolicy is not null) yield return Warn("deploy.restart_policy", "ECS restarts stopped tasks itself");
        if (service.Deploy is { PlacementConstraints.IsEmpty: false }) yield return Warn("deploy.placement", "Fargate chooses where tasks run");
        if (service.Deploy?.EndpointMode is not null) yield return Warn("deploy.endpoint_mode", "Cloud Map and Service Connect do the service discovery");
        if (service.Deploy?.Resources?.Limits?.Pids is not null) yield return Warn("deploy.resources.limits.pids", "Fargate has no PID limit setting");
        if (service.Networks.Values.Any(n => !n.Aliases.IsEmpty)) yield return Warn("networks.aliases", "a service is reachable by its own name only");
        if (service.Networks.Values.Any(n => n.Ipv4Address is not null || n.Ipv6Address is not null))
            yield return Warn("networks.ipv4_address", "tasks get addresses from their subnet");
        foreach (var volume in service.Volumes.Where(v => v.Type == "tmpfs"))
            yield return Warn("volumes", $"{volume.Target}: Fargate does not support tmpfs mounts");
        if (service.PullPolicy is not (null or "always" or "missing"))
            yield return Warn("pull_policy", $"{service.PullPolicy}: ECS pulls the image when a task starts");
    }
}
