using ComposeEcs.Aws;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose.Model;
using ComposeEcs.Ecs;

namespace ComposeEcs.Deploy;

/// <summary>
/// An external volume named like a Docker volume (<c>name: shop-uploads</c>) is the EFS file system with that
/// <c>Name</c> tag, found with the Resource Groups Tagging API (one filtered call; EFS's own DescribeFileSystems cannot
/// filter by tag). None or several is a one-line error.
/// </summary>
public static class FileSystemNames
{
    public const string ResourceType = "elasticfilesystem:file-system";

    public static async Task<(string? Id, string? Error)> ResolveAsync(
        AwsContext aws, string parameterName, Parameter parameter, ComposeProject project, CancellationToken cancellationToken)
    {
        var volume = ExternalVolumes.Of(project).FirstOrDefault(v => v.ParameterName == parameterName);
        var name = volume?.Name ?? parameter.Description![ExternalVolumes.DescriptionPrefix.Length..];
        var what = volume is null ? $"template parameter '{parameterName}'" : $"volume \"{volume.Volume}\"";
        var found = await aws.Tagging.GetResourcesAsync(ResourceType, "Name", name, cancellationToken).ConfigureAwait(false);
        var ids = found.Select(r => r.Arn[(r.Arn.LastIndexOf('/') + 1)..]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return ids.Count switch
        {
            1 => (ids[0], null),
            0 => (null, $"{what}: no EFS file system in {aws.Region} has the Name tag \"{name}\"; create it (aws efs create-file-system --tags Key=Name,Value={name}) or set name to a file system id (fs-...)"),
            _ => (null, $"{what}: {ids.Count} EFS file systems in {aws.Region} have the Name tag \"{name}\" ({string.Join(", ", ids)}); set name to the id of the one to use"),
        };
    }
}
