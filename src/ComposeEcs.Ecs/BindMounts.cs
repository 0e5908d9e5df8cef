using System.Collections.Immutable;
using System.Text;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>What a bind mount's source is, which decides what happens to it on Fargate (see the README's table).</summary>
internal enum MountKind { Refused, TimeZone, HostSystem, Data, InImage, File, Directory, TooLarge }

/// <summary>
/// Bind mounts, by what the source is. Fargate has no host files, so each mount becomes one of: a file or small
/// directory delivered into the container before it starts (<see cref="FileDelivery"/>); persistent data on an EFS
/// volume (a source that does not exist here, or an absolute host path outside the project: the same volume on every
/// <c>up</c>, kept on <c>down</c>, starting empty); nothing, with a warning (a directory the service's own build
/// context already puts in the image, the host's time zone files, other host system files); or an error (the Docker
/// socket and kernel interfaces, which Fargate cannot give). Messages show the source as written: <c>./nginx.conf</c>.
/// </summary>
internal static class BindMounts
{
    private static readonly ImmutableArray<(string Path, string What)> RefusedPaths =
    [
        ("/proc", "the host's /proc"), ("/sys", "the host's /sys"), ("/dev", "host devices"),
        ("/lib/modules", "the host's kernel modules"), ("/var/lib/docker", "the Docker engine's data"),
    ];

    private static readonly ImmutableArray<string> TimeZonePaths = ["/etc/localtime", "/etc/timezone"];

    private static readonly ImmutableArray<string> SystemPaths =
        ["/etc", "/usr", "/lib", "/lib64", "/bin", "/sbin", "/boot", "/run", "/var/run", "/var/log", "/root"];

    /// <summary>The source as the user wrote it (after interpolation); the absolute path only for hand-built projects.</summary>
    public static string Shown(ServiceVolume mount) => mount.WrittenSource ?? mount.Source ?? "";

    public static string Field(ServiceVolume mount) => $"volumes: {Shown(mount)}:{mount.Target}";

    private static bool Under(string path, string root) =>
        path == root || path.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>A source worth reading from disk: written relative (<c>./conf</c>) or inside the project, not a host system path.</summary>
    public static bool LooksLocal(ComposeProject project, ServiceVolume mount) =>
        System(mount.Source ?? "") is null && (!IsAbsoluteAsWritten(mount) || Under(mount.Source ?? "", project.WorkingDirectory));

    private static bool IsAbsoluteAsWritten(ServiceVolume mount) => Shown(mount) is var s && (s.StartsWith('/') || s.StartsWith('~'));

    private static (MountKind Kind, string What)? System(string source)
    {
        if (source.EndsWith("/docker.sock", StringComparison.Ordinal) || source.EndsWith("/docker.sock/", StringComparison.Ordinal))
            return (MountKind.Refused, "the Docker socket (there is no Docker engine to talk to)");
        foreach (var (path, what) in RefusedPaths)
            if (Under(source, path)) return (MountKind.Refused, what);
        if (TimeZonePaths.Contains(source)) return (MountKind.TimeZone, "");
        // The host's whole file system (an OpenTelemetry collector's /:/hostfs:ro) is host system too, not data.
        return source.Trim('/').Length == 0 || SystemPaths.Any(p => Under(source, p)) ? (MountKind.HostSystem, "") : null;
    }

    /// <summary>The source lies in the service's own local build context.</summary>
    public static bool InBuildContext(Service service, string source) =>
        service.Build is { } build && Path.IsPathRooted(build.Context) && Under(source, build.Context);

    /// <summary>The Dockerfile copies the mounted directory to the mount's target; an unread Dockerfile is taken to.</summary>
    private static bool ImageHolds(Service service, ServiceVolume mount, LocalFiles files) =>
        ImageCopies.DockerfileOf(service.Build!) is not { } path || !files.Dockerfiles.TryGetValue(path, out var text)
        || ImageCopies.Holds(text, service.Build!.Context, mount.Source!, mount.Target);

    public static MountKind Classify(ComposeProject project, Service service, ServiceVolume mount, LocalFiles files)
    {
        var source = mount.Source ?? "";
        if (System(source) is { } system) return system.Kind;
        var entry = files[source];
        if (!LooksLocal(project, mount) || entry.Kind == LocalKind.Missing) return MountKind.Data;
        if (entry.Kind == LocalKind.Directory && InBuildContext(service, source) && ImageHolds(service, mount, files))
            return MountKind.InImage;
        if (entry.OverLimit) return MountKind.TooLarge;
        return entry.Kind == LocalKind.File ? MountKind.File : MountKind.Directory;
    }

    /// <summary>
    /// The project with every bind mount either turned into a named EFS volume (data) or removed, and the files to
    /// deliver per service; diagnostics for each mount at its own line.
    /// </summary>
    public static (ComposeProject Project, ImmutableSortedDictionary<string, ImmutableArray<FileItem>> Items) Prepare(
        ComposeProject project, LocalFiles files, List<Diagnostic> diagnostics)
    {
        var volumes = project.Volumes;
        var services = project.Services;
        var items = Maps.Empty<ImmutableArray<FileItem>>();
        foreach (var service in project.Services.Values)
        {
            var kept = ImmutableArray.CreateBuilder<ServiceVolume>();
            var delivered = ImmutableArray.CreateBuilder<FileItem>();
            foreach (var mount in service.Volumes)
            {
                if (mount.Type != "bind") { kept.Add(mount); continue; }
                var kind = Classify(project, service, mount, files);
                var at = $"service \"{service.Name}\": {Field(mount)}";
                switch (kind)
                {
                    case MountKind.Refused:
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BindMount, $"{at}: Fargate cannot give a container {System(mount.Source!)!.Value.What}; remove this mount", mount.Location));
                        break;
                    case MountKind.TimeZone:
                        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.Ignored, $"{at}: ignored, tasks run in UTC; set the TZ environment variable (TZ=Europe/Paris) for local time", mount.Location));
                        break;
                    case MountKind.HostSystem:
                        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.Ignored, $"{at}: ignored, a host system path; the container keeps the image's own {mount.Target}", mount.Location));
                        break;
                    case MountKind.InImage:
                        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.Ignored, $"{at}: ignored, {Shown(mount)} is inside the build context, so the image already contains it (changes need a new build)", mount.Location));
                        break;
                    case MountKind.TooLarge:
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BindMount, 
                            $"{at}: {Shown(mount)} is too large to deliver into the container (more than {FileDelivery.MaxFiles} files or {FileDelivery.MaxBytes / 1024} KiB); COPY it in a Dockerfile, or use a named volume", mount.Location));
                        break;
                    case MountKind.Data:
                        var key = DataVolumeKey(mount, project.Volumes);
                        var why = IsAbsoluteAsWritten(mount) && !Under(mount.Source!, project.WorkingDirectory) ? "is a host path" : "does not exist here";
                        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.BindMountData, 
                            $"{at}: {Shown(mount)} {why}: it becomes persistent data on the EFS volume \"{key}\" (kept on down, starts empty)", mount.Location));
                        volumes = volumes.SetItem(key, new Compose.Model.Volume(key) { Name = $"{project.Name}_{key}", Location = mount.Location });
                        kept.Add(new ServiceVolume("volume", mount.Target) { Source = key, ReadOnly = mount.ReadOnly, Location = mount.Location });
                        break;
                    default:
                        if (mount.ReadWriteRequested)
                            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.BindMountCopy, $"{at}: writes are not kept, the container gets a copy of {Shown(mount)} each time it starts", mount.Location));
                        var entry = files[mount.Source!];
                        delivered.Add(new FileItem(mount.Target, kind == MountKind.Directory, entry.Files, entry.Directories,
                            Mode: null, Owner: null, ReadOnly: !mount.ReadWriteRequested, Label: Field(mount), Location: mount.Location));
                        break;
                }
            }
            services = services.SetItem(service.Name, service with { Volumes = kept.ToImmutable() });
            if (delivered.Count > 0) items = items.Add(service.Name, delivered.ToImmutable());
        }
        return (project with { Services = services, Volumes = volumes }, items);
    }

    /// <summary><c>./data</c> → <c>data</c>, <c>/srv/app/data</c> → <c>srv_app_data</c>; <c>bind_</c> first if a declared volume has that name.</summary>
    private static string DataVolumeKey(ServiceVolume mount, ImmutableSortedDictionary<string, Compose.Model.Volume> declared)
    {
        var key = new StringBuilder();
        foreach (var c in Shown(mount))
            key.Append(char.IsAsciiLetterOrDigit(c) || c is '-' ? char.ToLowerInvariant(c) : '_');
        var text = key.ToString().Trim('_');
        while (text.Contains("__", StringComparison.Ordinal)) text = text.Replace("__", "_", StringComparison.Ordinal);
        if (text.Length == 0) text = "root";
        return declared.ContainsKey(text) ? "bind_" + text : text;
    }
}
