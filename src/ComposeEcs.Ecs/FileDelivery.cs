using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// One thing to place in a container before it starts: a file (config, bind-mounted file) or a directory tree
/// (bind-mounted small directory) at <see cref="Target"/>. <see cref="Mode"/> null: 0755 for files executable locally,
/// else 0644.
/// </summary>
internal sealed record FileItem(
    string Target, bool IsDirectory, ImmutableArray<LocalFile> Files, ImmutableArray<string> Directories,
    int? Mode, string? Owner, bool ReadOnly, string Label, SourceLocation? Location);

/// <summary>A file written into a <see cref="Delivery"/> volume: path under the volume, content, octal mode, uid:gid.</summary>
internal sealed record DeliveredFile(string Path, ImmutableArray<byte> Content, string Mode, string? Owner);

/// <summary>
/// A task volume the service container mounts at <see cref="MountPath"/>, filled by the init containers. ECS mounts
/// directories only, so a single file goes into a volume mounted at its parent directory; <see cref="Seed"/> then
/// means that directory is first copied from the service's own image, so the image's other files stay visible (the
/// file replaces one file, as a Docker bind mount does).
/// </summary>
internal sealed record Delivery(string MountPath, bool Seed, bool ReadOnly, ImmutableArray<DeliveredFile> Files, ImmutableArray<string> Directories);

/// <summary>
/// Delivers configs and bind-mounted files/small directories into a service's container. Their content lives in the
/// task definition (environment of the init container <see cref="FileDeliveryInit"/>), so it is bounded:
/// a bind-mounted directory may hold at most <see cref="MaxFiles"/> files, and everything delivered to one service at
/// most <see cref="MaxBytes"/> — three quarters of the 64 KiB ECS allows a whole task definition (Amazon ECS service
/// quotas, "Task definition size"), leaving the rest for the containers' other settings.
/// </summary>
internal static class FileDelivery
{
    public const int MaxFiles = 100;
    public const int MaxBytes = 48 * 1024;
    public const string VolumePrefix = "compose-ecs-files-";

    public static string VolumeName(int index) => VolumePrefix + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Groups a service's items into volumes; errors for clashes, files in <c>/</c> and the size budget.</summary>
    public static ImmutableArray<Delivery> Group(Compose.Model.Service service, ImmutableArray<FileItem> items, List<Diagnostic> diagnostics)
    {
        foreach (var clash in items.GroupBy(i => i.Target, StringComparer.Ordinal).Where(g => g.Count() > 1))
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileDelivery, $"service \"{service.Name}\": {clash.Last().Label}: {clash.Key} is already the target of {clash.First().Label}", clash.Last().Location));
        var unique = items.DistinctBy(i => i.Target).ToList();
        var mounts = new SortedDictionary<string, (bool Seed, bool ReadOnly, List<DeliveredFile> Files, List<string> Directories)>(StringComparer.Ordinal);
        foreach (var item in unique.Where(i => i.IsDirectory))
            mounts[item.Target] = (false, item.ReadOnly, [.. item.Files.Select(f => File(item, f, f.Path))], [.. item.Directories]);
        foreach (var item in unique.Where(i => !i.IsDirectory))
        {
            var parent = Parent(item.Target);
            if (parent == "/")
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileDelivery, 
                    $"service \"{service.Name}\": {item.Label}: a file directly in / cannot be delivered (ECS mounts directories, not files); set a target inside a directory", item.Location));
                continue;
            }
            var host = mounts.Keys.Where(m => !mounts[m].Seed && (parent == m || parent.StartsWith(m + "/", StringComparison.Ordinal))).MaxBy(m => m.Length);
            if (host is null)
            {
                host = parent;
                if (!mounts.ContainsKey(host)) mounts[host] = (true, false, [], []);
            }
            mounts[host].Files.Add(File(item, item.Files[0], item.Target[(host.Length + 1)..]));
        }
        var bytes = mounts.Values.SelectMany(m => m.Files).Sum(f => (long)FileDeliveryInit.Encoded(f.Content).Length);
        if (bytes > MaxBytes)
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileDelivery, 
                $"service \"{service.Name}\": the configs and bind-mounted files it gets total {bytes / 1024} KiB, more than the {MaxBytes / 1024} KiB a task definition can carry; COPY them in a Dockerfile, or use a named volume",
                service.Location));
        return [.. mounts.Select(m => new Delivery(m.Key, m.Value.Seed, m.Value.ReadOnly, [.. m.Value.Files], [.. m.Value.Directories]))];
    }

    private static DeliveredFile File(FileItem item, LocalFile file, string path) =>
        new(path, file.Content, Convert.ToString(item.Mode ?? (file.Executable ? 0b111_101_101 : 0b110_100_100), 8), item.Owner);

    private static string Parent(string path)
    {
        var slash = path.TrimEnd('/').LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    /// <summary>Plan step: the task volumes, the init containers and the service container's mounts.</summary>
    public static ServicePlan Plan(TransformContext context, ServicePlan plan)
    {
        if (!context.Deliveries.TryGetValue(plan.Service.Name, out var deliveries) || deliveries.IsEmpty) return plan;
        var seed = deliveries.Any(d => d.Seed) ? FileDeliveryInit.Seed(plan, deliveries) : null;
        var writer = FileDeliveryInit.Writer(context, plan, deliveries, seed?.Name);
        return plan.WithContainer(c => c with
        {
            MountPoints = [.. c.MountPoints ?? [], .. deliveries.Select((d, i) => new MountPoint
            {
                ContainerPath = d.MountPath, SourceVolume = VolumeName(i), ReadOnly = d.ReadOnly ? true : null,
            })],
            DependsOn = [.. c.DependsOn ?? [], new ContainerDependency(writer.Name, "SUCCESS")],
        }) with
        {
            Sidecars = [.. plan.Sidecars, .. seed is null ? Array.Empty<ContainerDefinition>() : [seed], writer],
            Volumes = [.. plan.Volumes, .. deliveries.Select((_, i) => new CloudFormation.Resources.Ecs.Volume { Name = VolumeName(i) })],
        };
    }

    /// <summary>Text (valid UTF-8 without NUL) goes as it is, so templates stay readable; anything else as base64.</summary>
    public static bool IsText(ImmutableArray<byte> content)
    {
        if (content.Contains((byte)0)) return false;
        try
        {
            _ = new UTF8Encoding(false, true).GetString(content.AsSpan());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
