using System.Collections.Immutable;

namespace ComposeEcs.Ecs;

/// <summary>An EC2 GPU instance type: NVIDIA GPUs, vCPUs and memory (GiB).</summary>
public sealed record GpuInstanceType(string Name, int Gpus, int Vcpus, int MemoryGiB);

/// <summary>
/// The g4dn (T4), g5 (A10G) and p3 (V100) types the ECS GPU-optimised AMI runs on, and the smallest one that fits a
/// task. "Smallest" = fewest GPUs, then least memory, then the cheaper family (g4dn, g5, p3 in that order).
/// </summary>
public static class GpuInstanceTypes
{
    public static readonly ImmutableArray<GpuInstanceType> All =
    [
        new("g4dn.xlarge", 1, 4, 16), new("g4dn.2xlarge", 1, 8, 32), new("g4dn.4xlarge", 1, 16, 64),
        new("g4dn.8xlarge", 1, 32, 128), new("g4dn.16xlarge", 1, 64, 256), new("g4dn.12xlarge", 4, 48, 192),
        new("g4dn.metal", 8, 96, 384),
        new("g5.xlarge", 1, 4, 16), new("g5.2xlarge", 1, 8, 32), new("g5.4xlarge", 1, 16, 64), new("g5.8xlarge", 1, 32, 128),
        new("g5.16xlarge", 1, 64, 256), new("g5.12xlarge", 4, 48, 192), new("g5.24xlarge", 4, 96, 384), new("g5.48xlarge", 8, 192, 768),
        new("p3.2xlarge", 1, 8, 61), new("p3.8xlarge", 4, 32, 244), new("p3.16xlarge", 8, 64, 488),
    ];

    public static int MaxGpus => All.Max(t => t.Gpus);

    /// <summary>Share of an instance's memory a task may use; the rest is the OS and the ECS agent's.</summary>
    public const double UsableMemory = 0.9;

    private static int FamilyRank(GpuInstanceType type) => type.Name.Split('.')[0] switch { "g4dn" => 0, "g5" => 1, _ => 2 };

    /// <summary>The smallest type with at least <paramref name="gpus"/> GPUs, <paramref name="cpu"/> CPU units and
    /// <paramref name="memoryMiB"/> MiB usable; null when none is large enough.</summary>
    public static GpuInstanceType? Smallest(int gpus, int cpu, int memoryMiB) =>
        All.Where(t => t.Gpus >= gpus && t.Vcpus * 1024 >= cpu && t.MemoryGiB * 1024 * UsableMemory >= memoryMiB)
            .OrderBy(t => t.Gpus).ThenBy(t => t.MemoryGiB).ThenBy(FamilyRank).ThenBy(t => t.Vcpus)
            .FirstOrDefault();
}
