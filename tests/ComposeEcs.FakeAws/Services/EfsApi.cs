using System.Text.Json.Nodes;
using ComposeEcs.FakeAws.CloudFormation;

namespace ComposeEcs.FakeAws.Services;

/// <summary>
/// EFS (REST-JSON 2015-02-01) as the stacks imply it: every AWS::EFS::FileSystem a stack created, including those a
/// deleted stack retained (DeletionPolicy Retain), until DeleteFileSystem. Refuses, as AWS does, to delete a file
/// system whose mount targets still exist (its stack still holds mount targets).
/// </summary>
internal sealed class EfsApi(CloudFormationStore store) : IServiceHandler
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);

    public string Service => "elasticfilesystem";

    public WireResponse Handle(AwsRequest request)
    {
        var id = request.Form.Get("FileSystemId");
        return request.Action switch
        {
            "DescribeFileSystems" => Describe(request, id),
            "DeleteFileSystem" => Delete(request, id ?? throw new AwsError("BadRequest", "FileSystemId is required")),
            _ => throw new AwsError("BadRequest", $"Unknown EFS operation {request.Action}"),
        };
    }

    private List<(string Id, Stack Stack)> FileSystems()
    {
        lock (store.Lock)
        {
            var all = store.All.SelectMany(s => s.Resources.Values
                .Where(r => r.Type == "AWS::EFS::FileSystem" && r.Physical is not null && r.Status is not ("DELETE_COMPLETE" or "CREATE_FAILED"))
                .Select(r => (r.Physical!.Id, s))).ToList();
            // A deleted stack drops what it retained from its resources; its events still name them.
            all.AddRange(store.All.SelectMany(s => s.Events
                .Where(e => e.ResourceType == "AWS::EFS::FileSystem" && e.ResourceStatus == "DELETE_SKIPPED" && e.PhysicalResourceId is { Length: > 0 })
                .Select(e => (e.PhysicalResourceId!, s))));
            all = all.DistinctBy(f => f.Item1).ToList();
            lock (_lock) return all.Where(f => !_deleted.Contains(f.Id)).ToList();
        }
    }

    private WireResponse Describe(AwsRequest request, string? id)
    {
        var found = FileSystems().Where(f => id is null || f.Id == id).ToList();
        if (id is not null && found.Count == 0) throw NotFound(id);
        var list = new JsonArray();
        foreach (var (fs, _) in found)
            list.Add(new JsonObject { ["FileSystemId"] = fs, ["LifeCycleState"] = "available", ["SizeInBytes"] = new JsonObject { ["Value"] = 6144 } });
        return Ok(request, new JsonObject { ["FileSystems"] = list });
    }

    private WireResponse Delete(AwsRequest request, string id)
    {
        var match = FileSystems().FirstOrDefault(f => f.Id == id);
        if (match.Id is null) throw NotFound(id);
        bool mounted;
        lock (store.Lock)
            mounted = match.Stack.Resources.Values.Any(r => r.Type == "AWS::EFS::MountTarget" && r.Exists);
        if (mounted) throw new AwsError("FileSystemInUse", $"File system '{id}' has mount targets and cannot be deleted.", 409);
        lock (_lock) _deleted.Add(id);
        return new WireResponse(204, "application/json", "", request.RequestId);
    }

    private static AwsError NotFound(string id) => new("FileSystemNotFound", $"File system '{id}' does not exist.", 404);

    private static WireResponse Ok(AwsRequest request, JsonObject body) => new(200, "application/json", body.ToJsonString(), request.RequestId);
}
