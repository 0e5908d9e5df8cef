using System.Text.Json.Nodes;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Clients;

/// <summary>
/// Amazon EFS over its REST-JSON protocol (API version 2015-02-01): only what <c>down -v</c> needs.
/// https://docs.aws.amazon.com/efs/latest/ug/API_DescribeFileSystems.html, API_DeleteFileSystem.html
/// </summary>
public sealed class EfsClient(AwsTransport transport)
{
    private const string Version = "2015-02-01";

    /// <summary>The file system's size in bytes (metered), or null when it does not exist.</summary>
    public async Task<EfsFileSystem?> DescribeFileSystemAsync(string fileSystemId, CancellationToken cancellationToken)
    {
        try
        {
            var text = await transport.SendAsync(Call("DescribeFileSystems", HttpMethod.Get, $"{Version}/file-systems?FileSystemId={Uri.EscapeDataString(fileSystemId)}"), cancellationToken).ConfigureAwait(false);
            var first = (JsonNode.Parse(text) as JsonObject)?["FileSystems"]?.AsArray().FirstOrDefault();
            return first is null ? null : new EfsFileSystem(first["FileSystemId"]?.GetValue<string>() ?? fileSystemId,
                first["Name"]?.GetValue<string>(), first["SizeInBytes"]?["Value"]?.GetValue<long>() ?? 0);
        }
        catch (AwsServiceException e) when (e.Code == "FileSystemNotFound")
        {
            return null;
        }
    }

    /// <summary>Deletes the file system (its mount targets must be gone); false when it did not exist.</summary>
    public async Task<bool> DeleteFileSystemAsync(string fileSystemId, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(Call("DeleteFileSystem", HttpMethod.Delete, $"{Version}/file-systems/{Uri.EscapeDataString(fileSystemId)}"), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AwsServiceException e) when (e.Code == "FileSystemNotFound")
        {
            return false;
        }
    }

    private static AwsCall Call(string action, HttpMethod method, string path) =>
        new(AwsService.Efs, action, [], "application/json", null, JsonProtocol.ParseError) { Method = method, Path = path };
}

public sealed record EfsFileSystem(string FileSystemId, string? Name, long SizeInBytes);
