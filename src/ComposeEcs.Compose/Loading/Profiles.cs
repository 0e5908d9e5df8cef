using ComposeEcs.Compose.Model;

namespace ComposeEcs.Compose.Loading;

/// <summary>
/// Profiles: services without profiles are always enabled; others only when one of their profiles (or <c>*</c>) is active.
/// A disabled service that an enabled one requires through <c>depends_on</c> is an error, as in compose, unless services
/// are targeted explicitly: then the project is those services plus everything they depend on, whatever their profiles.
/// </summary>
public static class Profiles
{
    public static ComposeProject Apply(
        ComposeProject project, IReadOnlySet<string> active, IReadOnlyList<string> targets, List<Diagnostic> diagnostics)
    {
        bool Enabled(Service s) => s.Profiles.IsEmpty || active.Contains("*") || s.Profiles.Any(active.Contains);
        var enabled = targets.Count > 0
            ? Targeted(project, targets, diagnostics)
            : project.Services.Values.Where(Enabled).ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var service in enabled.Values)
        {
            foreach (var (dependency, spec) in service.DependsOn)
            {
                if (!spec.Required || enabled.ContainsKey(dependency) || !project.Services.TryGetValue(dependency, out var disabled)) continue;
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ServiceSelection, 
                    $"service \"{service.Name}\" depends on service \"{dependency}\" which is disabled by profiles ({string.Join(", ", disabled.Profiles)}); enable it with --profile",
                    service.Location));
            }
        }
        var services = Maps.From(enabled);
        // Optional dependencies on disabled services are dropped so later stages see only real services.
        services = Maps.From(services.Select(kv => new KeyValuePair<string, Service>(kv.Key,
            kv.Value with { DependsOn = Maps.From(kv.Value.DependsOn.Where(d => enabled.ContainsKey(d.Key) || !project.Services.ContainsKey(d.Key))) })));
        return project with { Services = services };
    }

    private static Dictionary<string, Service> Targeted(ComposeProject project, IReadOnlyList<string> targets, List<Diagnostic> diagnostics)
    {
        var selected = new Dictionary<string, Service>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var target in targets)
        {
            if (project.Services.ContainsKey(target)) pending.Push(target);
            else diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ServiceSelection, $"no such service: \"{target}\""));
        }
        while (pending.TryPop(out var name))
        {
            if (selected.ContainsKey(name) || !project.Services.TryGetValue(name, out var service)) continue;
            selected[name] = service;
            foreach (var dependency in service.DependsOn.Keys) pending.Push(dependency);
        }
        return selected;
    }
}
