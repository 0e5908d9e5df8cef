using System.Collections.Immutable;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// The warnings and refusals of <see cref="SupportTable"/>: a field marked warned or refused that a service sets gets
/// its row's text, at the field's own line. Fields the model keeps are "set" as the model says (a non-empty list, a
/// value); fields it does not keep (<see cref="Service.Other"/>) are set unless null, false or empty.
/// </summary>
internal static class SupportChecks
{
    private static readonly ImmutableDictionary<string, Func<Service, bool>> Modelled = new Dictionary<string, Func<Service, bool>>
    {
        ["cgroup_parent"] = s => s.CgroupParent is not null,
        ["container_name"] = s => s.ContainerName is not null,
        ["devices"] = s => !s.Devices.IsEmpty,
        ["dns"] = s => !s.Dns.IsEmpty,
        ["dns_search"] = s => !s.DnsSearch.IsEmpty,
        ["domainname"] = s => s.Domainname is { Length: > 0 },
        ["external_links"] = s => !s.ExternalLinks.IsEmpty,
        ["extra_hosts"] = s => !s.ExtraHosts.IsEmpty,
        ["hostname"] = s => s.Hostname is { Length: > 0 },
        ["ipc"] = s => s.Ipc is not null,
        ["pid"] = s => s.Pid is not null,
        ["restart"] = s => s.Restart is not (null or "no"),
        ["security_opt"] = s => !s.SecurityOpt.IsEmpty,
        ["shm_size"] = s => s.ShmSize is not null,
        ["stop_signal"] = s => s.StopSignal is not null,
        ["tmpfs"] = s => !s.Tmpfs.IsEmpty,
    }.ToImmutableDictionary();

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        foreach (var service in project.Services.Values)
        foreach (var row in SupportTable.Services.Where(r => r.Support is Support.Warned or Support.Refused && IsSet(service, r.Field)))
            yield return row.Support == Support.Warned
                ? Diagnostic.Warning(DiagnosticCodes.Ignored, $"service \"{service.Name}\": {row.Field}: ignored, {row.How}", service.LocationOf(row.Field))
                : Diagnostic.Error(DiagnosticCodes.NotSupported, $"service \"{service.Name}\": {row.Field}: not supported, {row.How}", service.LocationOf(row.Field));
        foreach (var row in SupportTable.TopLevel.Where(r => r.Support == Support.Refused && project.Other.Has(r.Field) && !IsEmpty(project.Other.Get(r.Field))))
            yield return Diagnostic.Error(DiagnosticCodes.NotSupported, $"{row.Field}: not supported, {row.How}", project.Fields.Of(row.Field));
    }

    public static bool IsSet(Service service, string field) =>
        Modelled.TryGetValue(field, out var set) ? set(service) : service.Other.Has(field) && !IsEmpty(service.Other.Get(field));

    private static bool IsEmpty(object? value) => value switch
    {
        null or false => true,
        string s => s.Length == 0,
        ImmutableArray<object?> list => list.IsEmpty,
        ImmutableSortedDictionary<string, object?> map => map.IsEmpty,
        _ => false,
    };
}
