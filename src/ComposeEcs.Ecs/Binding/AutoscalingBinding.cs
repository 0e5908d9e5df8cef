using System.Globalization;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary><c>deploy.x-aws-autoscaling: {min, max, cpu | memory}</c>; null when absent or refused.</summary>
internal static class AutoscalingBinding
{
    private const string Field = "deploy." + AwsExtensions.Autoscaling;

    public static AutoscalingSettings? Bind(Service service, List<Diagnostic> problems)
    {
        if (service.Deploy?.Extensions is not { } x || !x.Has(AwsExtensions.Autoscaling)) return null;
        var found = new List<string>();
        var settings = Parse(x.GetMap(AwsExtensions.Autoscaling), found);
        problems.AddRange(found.Select(p => Diagnostic.Error(DiagnosticCodes.Autoscaling, $"service \"{service.Name}\": {Field}: {p}", x.At(AwsExtensions.Autoscaling))));
        return settings;
    }

    private static AutoscalingSettings? Parse(System.Collections.Immutable.ImmutableSortedDictionary<string, object?>? map, List<string> problems)
    {
        if (map is null) { problems.Add("must be a map with min, max and cpu or memory"); return null; }
        int? Count(string key)
        {
            if (!map.TryGetValue(key, out var value)) { problems.Add($"{key} is missing"); return null; }
            if (ExtensionValues.ToInt(value) is not (>= 0 and var n)) { problems.Add($"{key}: must be a whole number of tasks (0 or more)"); return null; }
            return n;
        }
        var min = Count("min");
        var max = Count("max");
        if (min is { } lo && max is { } hi && lo > hi) problems.Add($"min ({lo}) is greater than max ({hi})");
        if (max is 0) problems.Add("max must be at least 1");
        foreach (var key in map.Keys.Where(k => k is not ("min" or "max" or "cpu" or "memory")))
            problems.Add($"{key}: unknown; use min, max and cpu or memory");
        var metrics = new[] { "cpu", "memory" }.Where(map.ContainsKey).ToList();
        if (metrics.Count == 0) problems.Add("set cpu or memory to the target utilisation (percent)");
        else if (metrics.Count == 2) problems.Add("set cpu or memory, not both; a service scales on one target");
        double target = 0;
        if (metrics.Count == 1 && !(Percent(map[metrics[0]]) is { } t && (target = t) > 0 && t <= 100))
            problems.Add($"{metrics[0]}: must be a utilisation percentage above 0 and at most 100");
        return problems.Count > 0 || min is null || max is null ? null : new AutoscalingSettings(min.Value, max.Value, metrics[0], target);
    }

    private static double? Percent(object? value) => value switch
    {
        long l => l,
        double d => d,
        string s when double.TryParse(s.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
