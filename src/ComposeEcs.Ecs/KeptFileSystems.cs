using System.Collections.Immutable;
using ComposeEcs.CloudFormation;

namespace ComposeEcs.Ecs;

/// <summary>A file system the stack keeps when it is deleted (a named volume's data), as its outputs declare it.</summary>
public sealed record KeptFileSystem(string Volume, string LogicalId, string FileSystemId);

/// <summary>
/// The contract between convert and <c>down</c> for volume data: each EFS file system the template creates with
/// <c>DeletionPolicy: Retain</c> (<see cref="Volumes"/>) is a stack output whose value is its id and whose description
/// names the compose volume. <c>down</c> reads them (<see cref="Read"/>) before deleting the stack, so what it lists,
/// and <c>down -v</c> deletes, is what the template kept, whatever the deletion's events showed.
/// </summary>
public static class KeptFileSystems
{
    private const string DescriptionPrefix = "compose-ecs kept file system of volume ";
    private const string OutputSuffix = "Kept";
    public const string ResourceType = "AWS::EFS::FileSystem";

    internal static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var outputs = Sorted.Empty<Output>();
        foreach (var volume in Volumes.Used(context.Project).Where(v => !v.External))
            outputs = outputs.Add(Volumes.FileSystemId(volume.Key) + OutputSuffix,
                new Output(Fn.Ref(Volumes.FileSystemId(volume.Key))) { Description = DescriptionPrefix + volume.Key });
        return new Template { Outputs = outputs };
    }

    /// <summary>The kept file systems a deployed stack declares (none for a stack deployed before these outputs existed).</summary>
    /// <param name="outputs">The stack's outputs: key, value, description.</param>
    public static IReadOnlyList<KeptFileSystem> Read(IEnumerable<(string Key, string Value, string? Description)> outputs) =>
        [.. outputs
            .Where(o => o.Description?.StartsWith(DescriptionPrefix, StringComparison.Ordinal) == true && o.Key.EndsWith(OutputSuffix, StringComparison.Ordinal))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new KeptFileSystem(o.Description![DescriptionPrefix.Length..], o.Key[..^OutputSuffix.Length], o.Value))];
}
