using System.Globalization;
using System.Text.RegularExpressions;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// A JVM told its maximum heap (<c>-Xmx1g</c> in <c>ES_JAVA_OPTS</c>, <c>JAVA_OPTS</c>, <c>KAFKA_HEAP_OPTS</c>... or in
/// the command) needs more memory than the heap: a service that sets no memory of its own gets enough for it, where
/// Fargate's smallest task (512 MiB) would have the kernel kill the JVM as soon as the heap fills. Docker gives a
/// container all the host's memory, so the compose file never had to say. The allowance beyond the heap (a third of
/// it, at least 256 MiB) covers metaspace, thread stacks, direct buffers and the JIT.
/// </summary>
internal static partial class JvmHeap
{
    private const long MiB = 1024 * 1024;

    [GeneratedRegex(@"(?<![\w-])-Xmx(?<size>\d{1,9})(?<unit>[kKmMgGtT]?)(?![\w])")]
    private static partial Regex MaxHeap();

    /// <summary>The memory (bytes) the largest <c>-Xmx</c> the service gives calls for, or null when it gives none.</summary>
    public static long? MemoryFor(Service service) => MaxHeapOf(service) is { } heap ? heap + Math.Max(256 * MiB, heap / 3) : null;

    /// <summary>The largest <c>-Xmx</c> (bytes) in the service's environment values and command, or null.</summary>
    public static long? MaxHeapOf(Service service)
    {
        var texts = service.Environment.Values.OfType<string>()
            .Concat(service.Command ?? []).Concat(service.Entrypoint ?? []);
        long? heap = null;
        foreach (Match match in texts.SelectMany(t => MaxHeap().Matches(t)))
        {
            var bytes = long.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture) * (match.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "k" => 1024L, "m" => MiB, "g" => 1024 * MiB, "t" => 1024 * 1024 * MiB, _ => 1L,
            });
            heap = Math.Max(heap ?? 0, bytes);
        }
        return heap;
    }
}
