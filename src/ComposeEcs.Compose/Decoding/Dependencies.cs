using ComposeEcs.Compose.Model;

namespace ComposeEcs.Compose.Decoding;

/// <summary><c>depends_on</c> checks: references to missing services and cycles.</summary>
internal static class Dependencies
{
    public static void Check(IReadOnlyDictionary<string, Service> services, List<Diagnostic> diagnostics)
    {
        foreach (var service in services.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            foreach (var (dependency, spec) in service.DependsOn)
            {
                if (dependency == service.Name)
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Dependency, $"service \"{service.Name}\": depends_on: a service cannot depend on itself", service.Location));
                else if (!services.ContainsKey(dependency) && spec.Required)
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Dependency, $"service \"{service.Name}\": depends_on: undefined service \"{dependency}\"", service.Location));
            }
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in services.Keys.OrderBy(n => n, StringComparer.Ordinal)) Visit(name, []);

        void Visit(string name, List<string> path)
        {
            if (state.GetValueOrDefault(name) == 2 || !services.TryGetValue(name, out var service)) return;
            if (state.GetValueOrDefault(name) == 1)
            {
                var cycle = path.Skip(path.IndexOf(name)).Append(name).ToList();
                var first = cycle.Take(cycle.Count - 1).Min(StringComparer.Ordinal)!;
                if (reported.Add(string.Join(",", cycle.Take(cycle.Count - 1).Order(StringComparer.Ordinal))))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Dependency, 
                        $"service \"{first}\": depends_on: dependency cycle: {string.Join(" -> ", Rotate(cycle, first))}",
                        services[first].Location));
                }
                return;
            }
            state[name] = 1;
            path.Add(name);
            foreach (var dependency in service.DependsOn.Keys) if (dependency != name) Visit(dependency, path);
            path.RemoveAt(path.Count - 1);
            state[name] = 2;
        }
    }

    private static IEnumerable<string> Rotate(List<string> cycle, string first)
    {
        var ring = cycle.Take(cycle.Count - 1).ToList();
        var start = ring.IndexOf(first);
        var rotated = ring.Skip(start).Concat(ring.Take(start)).ToList();
        rotated.Add(first);
        return rotated;
    }
}
