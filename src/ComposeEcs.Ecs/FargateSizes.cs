using System.Collections.Immutable;
using System.Globalization;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>A task size Fargate accepts: CPU units (1024 = 1 vCPU) and memory in MiB.</summary>
public sealed record FargateSize(int Cpu, int Memory)
{
    public string CpuText => Cpu.ToString(CultureInfo.InvariantCulture);
    public string MemoryText => Memory.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The Fargate (Linux) CPU/memory table and the smallest size that fits a service's resources.</summary>
public static class FargateSizes
{
    private const int GiB = 1024;

    /// <summary>Every valid combination, ordered by CPU then memory, so the first fit is the smallest.</summary>
    public static readonly ImmutableArray<FargateSize> All =
    [
        .. Memories(256, 512, 1024, 2048),
        .. Memories(512, 1 * GiB, 2 * GiB, 3 * GiB, 4 * GiB),
        .. Range(1024, 2 * GiB, 8 * GiB, GiB),
        .. Range(2048, 4 * GiB, 16 * GiB, GiB),
        .. Range(4096, 8 * GiB, 30 * GiB, GiB),
        .. Range(8192, 16 * GiB, 60 * GiB, 4 * GiB),
        .. Range(16384, 32 * GiB, 120 * GiB, 8 * GiB),
    ];

    public static readonly FargateSize Smallest = All[0];

    /// <summary>What the service asks for: CPUs (vCPU) and memory (bytes), either may be null.</summary>
    public sealed record Request(double? Cpus, long? MemoryBytes, string Field);

    /// <summary>
    /// <c>deploy.resources.limits</c>, else reservations, else service-level <c>cpus</c>/<c>mem_limit</c>; memory none
    /// of them sets comes from a JVM's maximum heap (<see cref="JvmHeap"/>).
    /// </summary>
    public static Request RequestOf(Service service)
    {
        var resources = service.Deploy?.Resources;
        var request = resources?.Limits is { } l && (l.Cpus is not null || l.Memory is not null) ? new Request(l.Cpus, l.Memory, "deploy.resources.limits")
            : resources?.Reservations is { } r && (r.Cpus is not null || r.Memory is not null) ? new Request(r.Cpus, r.Memory, "deploy.resources.reservations")
            : new Request(service.Cpus, service.MemLimit ?? service.MemReservation, "cpus/mem_limit");
        return request.MemoryBytes is null && JvmHeap.MemoryFor(service) is { } heap ? request with { MemoryBytes = heap, Field = "environment" } : request;
    }

    /// <summary>The smallest size with at least the requested CPU and memory; null when none is big enough.</summary>
    public static FargateSize? Fit(double? cpus, long? memoryBytes)
    {
        var cpuUnits = cpus is { } c ? (int)Math.Ceiling(Math.Round(c * 1024, 6)) : 0;
        var memoryMiB = memoryBytes is { } m ? (long)Math.Ceiling(m / (1024.0 * 1024.0)) : 0;
        foreach (var size in All)
            if (size.Cpu >= cpuUnits && size.Memory >= memoryMiB) return size;
        return null;
    }

    public static FargateSize For(Service service)
    {
        var request = RequestOf(service);
        return Fit(request.Cpus, request.MemoryBytes) ?? All[^1];
    }

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        foreach (var service in project.Services.Values)
        {
            var request = RequestOf(service);
            if (request.Field != "environment" && request.MemoryBytes is { } memory && JvmHeap.MaxHeapOf(service) is { } heap && heap >= memory)
                yield return Diagnostic.Warning(DiagnosticCodes.TaskSize,
                    $"service \"{service.Name}\": {request.Field}: {memory / (1024 * 1024)} MiB is no more than the JVM heap it sets (-Xmx, {heap / (1024 * 1024)} MiB); " +
                    "the task is stopped when the heap fills: give it more memory or a smaller heap", service.LocationOf(request.Field));
            if (Fit(request.Cpus, request.MemoryBytes) is not null) continue;
            var largest = All[^1];
            yield return Diagnostic.Error(DiagnosticCodes.TaskSize, 
                $"service \"{service.Name}\": {request.Field}: {Describe(request)} is more than the largest Fargate task " +
                $"({largest.Cpu / 1024} vCPU, {largest.Memory / GiB} GiB)", service.LocationOf(request.Field));
        }
    }

    private static string Describe(Request request)
    {
        var parts = new List<string>();
        if (request.Cpus is { } c) parts.Add($"{c.ToString(CultureInfo.InvariantCulture)} vCPU");
        if (request.MemoryBytes is { } m) parts.Add($"{(m / (1024.0 * 1024 * 1024)).ToString("0.##", CultureInfo.InvariantCulture)} GiB");
        return string.Join(" and ", parts);
    }

    private static IEnumerable<FargateSize> Memories(int cpu, params int[] memories) => memories.Select(m => new FargateSize(cpu, m));

    private static IEnumerable<FargateSize> Range(int cpu, int from, int to, int step)
    {
        for (var m = from; m <= to; m += step) yield return new FargateSize(cpu, m);
    }
}
