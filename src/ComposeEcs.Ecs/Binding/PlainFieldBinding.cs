using System.Collections.Immutable;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// Compose fields the loader keeps as plain data (<see cref="Service.Other"/>) that the transform maps: <c>cpu_shares</c>
/// and <c>gpus</c>. Parsed here once, like the extensions, so the checks and plan steps read numbers.
/// </summary>
internal static class PlainFieldBinding
{
    public const string CpuSharesField = "cpu_shares";
    public const string GpusField = "gpus";

    public static int? CpuShares(Service service, List<Diagnostic> problems)
    {
        if (!service.Other.Has(CpuSharesField))
            return null;
        if (ExtensionValues.ToInt(service.Other.Get(CpuSharesField)) is > 0 and var shares)
            return shares;
        problems.Add(Diagnostic.Error(DiagnosticCodes.TaskSize,
            $"service \"{service.Name}\": {CpuSharesField}: must be a positive whole number of CPU shares", service.LocationOf(CpuSharesField)));
        return null;
    }

    /// <summary>
    /// <c>gpus</c>: absent (null), <c>all</c> or a device without count or device_ids (a bound null, which cannot size an
    /// instance: <see cref="Gpu.Check"/> says so), else the GPUs its devices name.
    /// </summary>
    public static Bound<int?>? Gpus(Service service)
    {
        if (!service.Other.Has(GpusField))
            return null;
        return new(Count(service.Other.Get(GpusField)), service.LocationOf(GpusField));
    }

    private static int? Count(object? value)
    {
        if (value is not ImmutableArray<object?> devices) return null;
        var total = 0;
        foreach (var device in devices)
        {
            if (device is not ImmutableSortedDictionary<string, object?> map) return null;
            if (ExtensionValues.ToInt(map.GetValueOrDefault("count")) is > 0 and var count) total += count;
            else if (!map.ContainsKey("count") && map.GetValueOrDefault("device_ids") is ImmutableArray<object?> { IsEmpty: false } ids) total += ids.Length;
            else return null;
        }
        return total;
    }
}
