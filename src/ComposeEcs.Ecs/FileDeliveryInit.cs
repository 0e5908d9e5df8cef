using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ecs;
using EcsKeyValuePair = ComposeEcs.CloudFormation.Resources.Ecs.KeyValuePair;

namespace ComposeEcs.Ecs;

/// <summary>
/// The init containers that fill a service's <see cref="Delivery"/> volumes before its container starts.
/// <list type="bullet">
/// <item><c>compose-ecs-files-seed</c> (only when a single file goes into a directory of the image): runs the service's
/// own image as root with <c>/bin/sh</c> and copies each such directory (<c>cp -a /etc/nginx/.</c>) into its volume,
/// so the image's other files (<c>mime.types</c>) stay. Images without a shell cannot do this: mount a directory.</item>
/// <item><c>compose-ecs-files-init</c>: the secrets init image (POSIX sh), content in its environment
/// (<c>FILE_1</c>, <c>FILE_2</c>, ...: text as it is, other bytes base64), writes each file with
/// <c>printf '%s'</c>, then <c>chmod</c>/<c>chown</c>. The service container waits for it to succeed.</item>
/// </list>
/// Both mount the volumes under their own staging paths, never where the service sees them.
/// </summary>
internal static class FileDeliveryInit
{
    public const string WriterName = "compose-ecs-files-init";
    public const string SeedName = "compose-ecs-files-seed";
    public const string WriterRoot = "/compose-ecs/files";
    public const string SeedRoot = "/compose-ecs/seed";

    /// <summary>The environment value carrying a file: the text itself, or base64 for binary content.</summary>
    public static string Encoded(ImmutableArray<byte> content) =>
        FileDelivery.IsText(content) ? Encoding.UTF8.GetString(content.AsSpan()) : Convert.ToBase64String(content.AsSpan());

    private static string Staging(string root, int index) => $"{root}/{(index + 1).ToString(CultureInfo.InvariantCulture)}";

    public static ContainerDefinition Seed(ServicePlan plan, ImmutableArray<Delivery> deliveries)
    {
        var script = new StringBuilder("set -e\n");
        for (var i = 0; i < deliveries.Length; i++)
            if (deliveries[i].Seed)
            {
                var from = Quote(deliveries[i].MountPath);
                script.Append(CultureInfo.InvariantCulture, $"[ ! -d {from} ] || cp -a {Quote(deliveries[i].MountPath + "/.")} {Quote(Staging(SeedRoot, i) + "/")}\n");
            }
        return new ContainerDefinition
        {
            Name = SeedName,
            Image = plan.Container.Image,
            RepositoryCredentials = plan.Container.RepositoryCredentials,
            User = "0",
            Essential = false,
            EntryPoint = ["/bin/sh", "-c"],
            Command = [script.ToString()],
            MountPoints = [.. deliveries.Select((d, i) => (d, i)).Where(x => x.d.Seed)
                .Select(x => new MountPoint { ContainerPath = Staging(SeedRoot, x.i), SourceVolume = FileDelivery.VolumeName(x.i) })],
            LogConfiguration = plan.Container.LogConfiguration,
        };
    }

    public static ContainerDefinition Writer(TransformContext context, ServicePlan plan, ImmutableArray<Delivery> deliveries, string? after)
    {
        var environment = new List<EcsKeyValuePair>();
        var script = new StringBuilder("set -e\n");
        for (var i = 0; i < deliveries.Length; i++)
        {
            var root = Staging(WriterRoot, i);
            var directories = deliveries[i].Directories.Select(d => $"{root}/{d}")
                .Concat(deliveries[i].Files.Where(f => f.Path.Contains('/')).Select(f => Parent($"{root}/{f.Path}")))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (directories.Count > 0)
                script.Append(CultureInfo.InvariantCulture, $"mkdir -p {string.Join(' ', directories.Select(Quote))}\n");
            foreach (var file in deliveries[i].Files)
            {
                var variable = $"FILE_{environment.Count + 1}";
                environment.Add(new EcsKeyValuePair(variable, Encoded(file.Content)));
                var path = Quote($"{root}/{file.Path}");
                script.Append(FileDelivery.IsText(file.Content)
                    ? $"printf '%s' \"${variable}\" > {path}\n"
                    : $"printf '%s' \"${variable}\" | base64 -d > {path}\n");
                script.Append(CultureInfo.InvariantCulture, $"chmod {file.Mode} {path}\n");
                if (file.Owner is { } owner) script.Append(CultureInfo.InvariantCulture, $"chown {Quote(owner)} {path}\n");
            }
        }
        return new ContainerDefinition
        {
            Name = WriterName,
            Image = SecretsInit.Image(context.Aws),
            Essential = false,
            EntryPoint = ["/bin/sh", "-c"],
            Command = [script.ToString()],
            Environment = environment,
            MountPoints = [.. deliveries.Select((_, i) => new MountPoint { ContainerPath = Staging(WriterRoot, i), SourceVolume = FileDelivery.VolumeName(i) })],
            DependsOn = after is null ? null : [new ContainerDependency(after, "SUCCESS")],
            LogConfiguration = plan.Container.LogConfiguration,
        };
    }

    private static string Parent(string path) => path[..path.LastIndexOf('/')];

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
