using System.Collections.Immutable;
using System.Globalization;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// Anonymous volumes (<c>- /data</c>): Docker gives each container a fresh volume that outlives restarts but no
/// <c>down</c>; the closest on Fargate is a task volume on the task's ephemeral storage, which lives as long as the
/// task. Mounted with a warning that the data is lost when the task stops (name the volume to keep it on EFS).
/// </summary>
internal static class TaskLocalVolumes
{
    public const string VolumePrefix = "compose-ecs-anonymous-";

    private static bool IsAnonymous(ServiceVolume mount) => mount.Type == "volume" && mount.Source is null;

    public static void Check(ComposeProject project, List<Diagnostic> diagnostics)
    {
        foreach (var service in project.Services.Values)
            foreach (var mount in service.Volumes.Where(IsAnonymous))
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.AnonymousVolume, 
                    $"service \"{service.Name}\": volumes: {mount.Target} is an anonymous volume: it lives on the task's own storage and is lost when the task stops; name it and declare it under volumes to keep it on EFS",
                    mount.Location));
    }

    public static ServicePlan Plan(TransformContext context, ServicePlan plan)
    {
        var mounts = plan.Service.Volumes.Where(IsAnonymous).ToImmutableArray();
        if (mounts.IsEmpty) return plan;
        string Name(int i) => VolumePrefix + (i + 1).ToString(CultureInfo.InvariantCulture);
        return plan.WithContainer(c => c with
        {
            MountPoints = [.. c.MountPoints ?? [], .. mounts.Select((m, i) => new MountPoint { ContainerPath = m.Target, SourceVolume = Name(i), ReadOnly = m.ReadOnly ? true : null })],
        }) with
        {
            Volumes = [.. plan.Volumes, .. mounts.Select((_, i) => new CloudFormation.Resources.Ecs.Volume { Name = Name(i) })],
        };
    }
}
