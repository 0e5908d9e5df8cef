using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>An external volume named like a Docker volume: <c>up</c> fills <paramref name="ParameterName"/> with the id of
/// the EFS file system whose <c>Name</c> tag is <paramref name="Name"/>.</summary>
public sealed record ExternalVolumeParameter(string ParameterName, string Volume, string Name);

/// <summary>
/// <c>external: true</c> volumes: a <c>name</c> that is a file-system id (<c>fs-...</c>) is used as it is; any other
/// name is the <c>Name</c> tag of an existing EFS file system, which <c>convert</c> cannot look up (it is offline), so
/// the template takes the id as a parameter (<c>&lt;Volume&gt;FilesystemId</c>) and <c>up</c> resolves it.
/// </summary>
public static class ExternalVolumes
{
    public const string DescriptionPrefix = "id of the EFS file system tagged Name=";

    public static bool IsFileSystemId(string name) => name.StartsWith("fs-", StringComparison.Ordinal);

    public static string ParameterName(string volume) => LogicalIds.Normalize(volume) + "FilesystemId";

    /// <summary>One per used external volume whose name is not a file-system id, sorted by volume key.</summary>
    public static ImmutableArray<ExternalVolumeParameter> Of(ComposeProject project) =>
        [.. Volumes.Used(project).Where(v => v.External && !IsFileSystemId(v.Name))
            .Select(v => new ExternalVolumeParameter(ParameterName(v.Key), v.Key, v.Name))];

    /// <summary>What the task definition and IAM policy use as the file-system id of an external volume.</summary>
    internal static Expr FileSystemId(Compose.Model.Volume volume) =>
        IsFileSystemId(volume.Name) ? volume.Name : Fn.Ref(ParameterName(volume.Key));

    internal static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans) => new()
    {
        Parameters = Sorted.Empty<Parameter>().AddRange(Of(context.Project).Select(v => KeyValuePair.Create(v.ParameterName,
            new Parameter("String") { Description = DescriptionPrefix + v.Name, AllowedPattern = "^fs-[0-9a-f]{8,40}$" }))),
    };
}
