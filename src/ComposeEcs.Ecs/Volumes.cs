using System.Collections.Immutable;
using System.Globalization;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ec2;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.CloudFormation.Resources.Efs;
using ComposeEcs.CloudFormation.Resources.Iam;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// Named volumes on EFS. Each becomes an encrypted <c>AWS::EFS::FileSystem</c> kept when the stack goes
/// (<c>DeletionPolicy</c>/<c>UpdateReplacePolicy: Retain</c>), with <c>driver_opts</c> <c>performance-mode</c>,
/// <c>throughput-mode</c>, <c>provisioned-throughput</c> (MiB/s) and <c>lifecycle-policy</c> (<c>AFTER_30_DAYS</c>,
/// ...); a security group admitting NFS (TCP 2049) from the network groups of the services that mount it; an access
/// point whose POSIX user and root directory owner come from <c>uid</c>/<c>gid</c>/<c>permissions</c> (default: the
/// services' numeric <c>user:</c>, see <see cref="VolumeOwners"/>, and 0755; the root is <c>root_directory</c> or <c>/data</c>, a directory EFS creates with that owner); and mount
/// targets. With template-parameter subnets, mount targets go in the first <see cref="MountTargetCount"/> subnets (the
/// parameter asks for at least two in different zones) and the services mounting a volume run in those subnets only,
/// so every task has a mount target in its zone; with <c>x-aws-subnets</c>, one mount target per listed subnet (they
/// must be in different zones). <c>external: true</c> with <c>name: fs-...</c> (or a name, see <see cref="ExternalVolumes"/>) reuses that file system: no file system,
/// mount targets or group are created (it must already be reachable from the tasks), only an access point rooted at
/// <c>root_directory</c> or <c>/</c>, so existing files are visible. The task role may <c>ClientMount</c> through the
/// access point, and <c>ClientWrite</c> unless every mount of the volume in that service is read-only.
/// </summary>
internal static class Volumes
{
    public const int MountTargetCount = 2;
    public const string DefaultRoot = "/data";
    public const string VolumeTag = "com.docker.compose.volume";

    private static readonly ImmutableHashSet<string> KnownOptions =
        ["performance-mode", "throughput-mode", "provisioned-throughput", "lifecycle-policy", "uid", "gid", "permissions", "root_directory"];

    public static string Id(string volume) => LogicalIds.Normalize(volume);
    public static string FileSystemId(string volume) => Id(volume) + "Filesystem";
    public static string AccessPointId(string volume) => Id(volume) + "AccessPoint";
    public static string SecurityGroupId(string volume) => Id(volume) + "NFSSecurityGroup";
    public static string MountTargetId(string volume, int index) => $"{Id(volume)}MountTarget{index + 1}";

    /// <summary>Named volumes mounted by at least one service, sorted.</summary>
    public static ImmutableArray<Compose.Model.Volume> Used(ComposeProject project)
    {
        var used = project.Services.Values.SelectMany(s => s.Volumes).Where(v => v.Type == "volume" && v.Source is not null)
            .Select(v => v.Source!).ToHashSet(StringComparer.Ordinal);
        return [.. project.Volumes.Values.Where(v => used.Contains(v.Key))];
    }

    private static string? Option(Compose.Model.Volume volume, string key) => volume.DriverOpts.GetValueOrDefault(key);

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        foreach (var service in project.Services.Values)
            foreach (var mount in service.Volumes.Where(v => v.Type == "volume" && (v.VolumeSubpath is not null || v.VolumeNoCopy is not null)))
                yield return Diagnostic.Warning(DiagnosticCodes.Ignored, 
                    $"service \"{service.Name}\": volumes: {mount.Source}:{mount.Target}: {(mount.VolumeSubpath is not null ? "subpath" : "nocopy")} ignored, the whole EFS access point is mounted", mount.Location ?? service.LocationOf("volumes"));
        foreach (var volume in Used(project))
        {
            Diagnostic Error(string message) => Diagnostic.Error(DiagnosticCodes.Volume, $"volume \"{volume.Key}\": {message}", volume.Location);
            if (volume.Driver is { } driver && driver is not ("local" or "efs"))
                yield return Diagnostic.Warning(DiagnosticCodes.Ignored, $"volume \"{volume.Key}\": driver: {driver} ignored, volumes are EFS file systems", volume.LocationOf("driver"));
            // The local driver's bind (type: none, o: bind) or NFS mount of a device: one warning saying the data is not
            // there, instead of three about options EFS does not know.
            var device = Option(volume, "device");
            if (device is not null)
            {
                var source = Option(volume, "type") is { } type && type.StartsWith("nfs", StringComparison.OrdinalIgnoreCase) ? $"the NFS export {device}" : $"the host directory {device}";
                yield return Diagnostic.Warning(DiagnosticCodes.Ignored,
                    $"volume \"{volume.Key}\": driver_opts.device: ignored, the volume is a new, empty EFS file system, not {source}: copy the data into it, " +
                    "or name an existing EFS file system with external: true", volume.LocationOf("driver_opts.device"));
            }
            foreach (var key in volume.DriverOpts.Keys.Where(k => !KnownOptions.Contains(k) && !(device is not null && k is "type" or "o" or "device")))
                yield return Diagnostic.Warning(DiagnosticCodes.Ignored, $"volume \"{volume.Key}\": driver_opts.{key}: ignored, EFS volumes know {string.Join(", ", KnownOptions.Order(StringComparer.Ordinal))}", volume.LocationOf($"driver_opts.{key}"));
            if (Option(volume, "performance-mode") is { } perf && perf is not ("generalPurpose" or "maxIO"))
                yield return Error($"driver_opts.performance-mode: \"{perf}\" is not generalPurpose or maxIO");
            var throughput = Option(volume, "throughput-mode");
            if (throughput is not (null or "bursting" or "provisioned" or "elastic"))
                yield return Error($"driver_opts.throughput-mode: \"{throughput}\" is not bursting, provisioned or elastic");
            var provisioned = Option(volume, "provisioned-throughput");
            if (throughput == "provisioned" && !(double.TryParse(provisioned, NumberStyles.Float, CultureInfo.InvariantCulture, out var mibps) && mibps >= 1))
                yield return Error("driver_opts.provisioned-throughput: throughput-mode provisioned needs the throughput in MiB/s (1 or more)");
            else if (provisioned is not null && throughput != "provisioned")
                yield return Error("driver_opts.provisioned-throughput: only used with throughput-mode: provisioned");
            if (Option(volume, "lifecycle-policy") is { } lifecycle && !Lifecycle.Contains(lifecycle))
                yield return Error($"driver_opts.lifecycle-policy: \"{lifecycle}\" is not one of {string.Join(", ", Lifecycle)}");
            foreach (var key in new[] { "uid", "gid" })
                if (Option(volume, key) is { } id && !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    yield return Error($"driver_opts.{key}: \"{id}\" is not a numeric id");
            if (Option(volume, "permissions") is { } permissions && !(permissions.Length is 3 or 4 && permissions.All(c => c is >= '0' and <= '7')))
                yield return Error($"driver_opts.permissions: \"{permissions}\" is not octal permissions such as 0755");
            if (Option(volume, "root_directory") is { } root && !root.StartsWith('/'))
                yield return Error($"driver_opts.root_directory: \"{root}\" must be an absolute path");
        }
    }

    private static readonly ImmutableArray<string> Lifecycle =
        ["AFTER_1_DAY", "AFTER_7_DAYS", "AFTER_14_DAYS", "AFTER_30_DAYS", "AFTER_60_DAYS", "AFTER_90_DAYS", "AFTER_180_DAYS", "AFTER_270_DAYS", "AFTER_365_DAYS"];

    /// <summary>Mount targets are in these subnets.</summary>
    private static ImmutableArray<Expr> MountSubnets(TransformContext context) =>
        context.Vpc.FromParameters
            ? [.. Enumerable.Range(0, MountTargetCount).Select(i => Fn.Select(i, context.Vpc.Subnets))]
            : context.Vpc.Subnets is ListExpr list ? list.Items : [];

    private static Expr FileSystemArn(Compose.Model.Volume volume) => volume.External
        ? Fn.Sub($"arn:${{AWS::Partition}}:elasticfilesystem:${{AWS::Region}}:${{AWS::AccountId}}:file-system/{(ExternalVolumes.IsFileSystemId(volume.Name) ? volume.Name : "${" + ExternalVolumes.ParameterName(volume.Key) + "}")}")
        : Fn.GetAtt(FileSystemId(volume.Key), "Arn");

    private static Expr FileSystemRef(Compose.Model.Volume volume) => volume.External ? ExternalVolumes.FileSystemId(volume) : Fn.Ref(FileSystemId(volume.Key));

    /// <summary>Plan step: task volumes, mount points, the task role's EFS permissions, and waiting for mount targets.</summary>
    /// <summary>
    /// The named-volume mounts of a service's task, with the container each belongs to: the service's own, and those of
    /// the one-shot jobs that run in its task (<see cref="Jobs.InTaskOf"/>; a job seeding or migrating a volume is common).
    /// </summary>
    private static IEnumerable<(string Container, ServiceVolume Mount)> TaskMounts(ComposeProject project, Compose.Model.Service service) =>
        Jobs.InTaskOf(project, service).Prepend(service)
            .SelectMany(s => s.Volumes.Where(v => v.Type == "volume" && v.Source is not null).Select(v => (Containers.Name(s.Name), v)));

    private static MountPoint MountPointOf(ServiceVolume mount) =>
        new() { ContainerPath = mount.Target, SourceVolume = mount.Source!, ReadOnly = mount.ReadOnly ? true : null };

    public static ServicePlan Plan(TransformContext context, ServicePlan plan)
    {
        var taskMounts = TaskMounts(context.Project, plan.Service).ToList();
        if (taskMounts.Count == 0) return plan;
        var mounts = taskMounts.Select(m => m.Mount).ToList();
        ImmutableArray<MountPoint> MountPointsOf(string container) =>
            [.. taskMounts.Where(m => m.Container == container).Select(m => MountPointOf(m.Mount))];
        var volumes = mounts.Select(m => context.Project.Volumes[m.Source!]).DistinctBy(v => v.Key).ToList();
        var statements = volumes.Select(volume => new PolicyStatement
        {
            Action = mounts.Where(m => m.Source == volume.Key).All(m => m.ReadOnly)
                ? ["elasticfilesystem:ClientMount"]
                : ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
            Resource = [FileSystemArn(volume)],
            Condition = new MapExpr(("StringEquals", new MapExpr(("elasticfilesystem:AccessPointArn", Fn.GetAtt(AccessPointId(volume.Key), "Arn"))))),
        }).ToImmutableArray();
        var created = volumes.Where(v => !v.External).ToList();
        ContainerDefinition Mounted(ContainerDefinition c) =>
            MountPointsOf(c.Name) is { IsEmpty: false } points ? c with { MountPoints = [.. c.MountPoints ?? [], .. points] } : c;
        return plan.WithContainer(Mounted) with
        {
            Sidecars = [.. plan.Sidecars.Select(Mounted)],
            Volumes = [.. plan.Volumes, .. volumes.Select(v => new CloudFormation.Resources.Ecs.Volume
            {
                Name = v.Key,
                EFSVolumeConfiguration = new EFSVolumeConfiguration
                {
                    FilesystemId = FileSystemRef(v),
                    TransitEncryption = "ENABLED",
                    AuthorizationConfig = new AuthorizationConfig { AccessPointId = Fn.Ref(AccessPointId(v.Key)), IAM = "ENABLED" },
                },
            })],
            TaskRolePolicies = [.. plan.TaskRolePolicies, new Policy("MountVolumes", new PolicyDocument { Statement = statements }.ToExpr())],
            DependsOn = [.. plan.DependsOn, .. created.SelectMany(v => MountSubnets(context).Select((_, i) => MountTargetId(v.Key, i)))],
            Subnets = created.Count > 0 && context.Vpc.FromParameters ? new ListExpr(MountSubnets(context)) : plan.Subnets,
        };
    }

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var resources = new SortedDictionary<string, Resource>(StringComparer.Ordinal);
        foreach (var volume in Used(context.Project))
        {
            resources[AccessPointId(volume.Key)] = Resource.Of(AccessPointFor(context, volume));
            if (volume.External) continue;
            resources[FileSystemId(volume.Key)] = Resource.Of(FileSystemFor(context, volume)) with { DeletionPolicy = "Retain", UpdateReplacePolicy = "Retain" };
            resources[SecurityGroupId(volume.Key)] = Resource.Of(SecurityGroupFor(context, volume));
            var subnets = MountSubnets(context);
            for (var i = 0; i < subnets.Length; i++)
                resources[MountTargetId(volume.Key, i)] = Resource.Of(new MountTarget
                {
                    FileSystemId = Fn.Ref(FileSystemId(volume.Key)),
                    SubnetId = subnets[i],
                    SecurityGroups = [Fn.Ref(SecurityGroupId(volume.Key))],
                });
        }
        return new Template { Resources = Sorted.Empty<Resource>().AddRange(resources) };
    }

    private static FileSystem FileSystemFor(TransformContext context, Compose.Model.Volume volume)
    {
        var throughput = Option(volume, "throughput-mode");
        return new FileSystem
        {
            Encrypted = true,
            PerformanceMode = Option(volume, "performance-mode"),
            ThroughputMode = throughput,
            ProvisionedThroughputInMibps = throughput == "provisioned"
                ? double.Parse(Option(volume, "provisioned-throughput")!, CultureInfo.InvariantCulture) : null,
            LifecyclePolicies = Option(volume, "lifecycle-policy") is { } after ? [new LifecyclePolicy { TransitionToIA = after }] : null,
            FileSystemTags =
            [
                new ElasticFileSystemTag("Name", volume.Name),
                new ElasticFileSystemTag(ComposeTags.Project, context.Project.Name),
                new ElasticFileSystemTag(VolumeTag, volume.Key),
            ],
        };
    }

    private static AccessPoint AccessPointFor(TransformContext context, Compose.Model.Volume volume)
    {
        var (uid, gid) = VolumeOwners.For(context.Project, volume);
        var root = Option(volume, "root_directory") ?? (volume.External ? "/" : DefaultRoot);
        return new AccessPoint
        {
            FileSystemId = FileSystemRef(volume),
            PosixUser = new PosixUser(uid, gid),
            RootDirectory = new RootDirectory
            {
                Path = root,
                CreationInfo = root == "/" ? null : new CreationInfo(uid, gid, Option(volume, "permissions") ?? "0755"),
            },
            AccessPointTags =
            [
                new AccessPointTag(ComposeTags.Project, context.Project.Name),
                new AccessPointTag(VolumeTag, volume.Key),
            ],
        };
    }

    /// <summary>NFS from the network groups of every service whose task mounts the volume (its jobs' mounts included).</summary>
    private static SecurityGroup SecurityGroupFor(TransformContext context, Compose.Model.Volume volume)
    {
        var networks = context.Project.Services.Values
            .Where(s => !Jobs.IsJob(context.Project, s) && TaskMounts(context.Project, s).Any(m => m.Mount.Source == volume.Key))
            .SelectMany(s => s.Networks.Keys).Distinct().Order(StringComparer.Ordinal);
        return new SecurityGroup
        {
            GroupDescription = $"{context.Project.Name} {volume.Key} volume (NFS)",
            VpcId = context.Vpc.Id,
            SecurityGroupIngress = [.. networks.Select(n => new Ingress
            {
                IpProtocol = "tcp", FromPort = 2049, ToPort = 2049,
                SourceSecurityGroupId = Networks.GroupOf(context.Aws, n),
                Description = $"NFS from the {n} network",
            })],
            Tags = context.ProjectTags,
        };
    }
}
