using System.Collections.Immutable;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>The project as Fargate will run it, the files to deliver per service, and what was decided on the way.</summary>
internal sealed record PreparedProject(
    ComposeProject Project, ImmutableSortedDictionary<string, ImmutableArray<Delivery>> Deliveries, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Stage 0 of the transform: decides, once, what host-bound parts of the project mean on Fargate, from the project
/// and the <see cref="LocalFiles"/> snapshot (pure). Bind mounts become EFS volumes or deliveries or go
/// (<see cref="BindMounts"/>), configs become deliveries (<see cref="Configs"/>), host networking, loopback ports and
/// ports without a host port that another service publishes are rewritten (<see cref="HostSettings"/>,
/// <see cref="HostlessPorts"/>). Every later stage sees only the prepared project.
/// </summary>
internal static class LocalInputs
{
    public static PreparedProject Prepare(ComposeProject project, LocalFiles files)
    {
        var diagnostics = new List<Diagnostic>();
        project = HostSettings.Prepare(project, diagnostics);
        project = HostlessPorts.Prepare(project, diagnostics);
        TaskLocalVolumes.Check(project, diagnostics);
        var configs = Configs.Items(project, files, diagnostics);
        var (prepared, binds) = BindMounts.Prepare(project, files, diagnostics);
        diagnostics.AddRange(Jobs.CheckDeliveries(prepared, binds));
        var deliveries = Maps.Empty<ImmutableArray<Delivery>>();
        foreach (var service in prepared.Services.Values)
        {
            var items = binds.GetValueOrDefault(service.Name, []).AddRange(configs.GetValueOrDefault(service.Name, []));
            if (!items.IsEmpty) deliveries = deliveries.Add(service.Name, FileDelivery.Group(service, items, diagnostics));
        }
        return new PreparedProject(prepared, deliveries, [.. diagnostics]);
    }
}
