using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComposeEcs.FakeAws.Services;

/// <summary>
/// The Resource Groups Tagging API's GetResources (JSON 1.1, ResourceGroupsTaggingAPI_20170126) over the EFS file
/// systems the emulator knows: those stacks create (their FileSystemTags) and those tests add as existing ones.
/// </summary>
internal sealed class TaggingApi(FakeAwsOptions options, string region, string account) : IServiceHandler
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _fileSystems = new(StringComparer.Ordinal);

    public string Service => "tagging";

    public void SetFileSystem(string id, IReadOnlyDictionary<string, string>? tags)
    {
        lock (_lock)
        {
            if (tags is null) _fileSystems.Remove(id);
            else _fileSystems[id] = tags;
        }
    }

    /// <summary>Stack resources of type AWS::EFS::FileSystem, with their FileSystemTags.</summary>
    public void Sync(string id, JsonNode? properties, bool exists) =>
        SetFileSystem(id, exists
            ? (properties?["FileSystemTags"] as JsonArray ?? []).GroupBy(t => CloudFormation.Template.Text(t?["Key"]) ?? "")
                .ToDictionary(g => g.Key, g => CloudFormation.Template.Text(g.First()?["Value"]) ?? "", StringComparer.Ordinal)
            : null);

    public WireResponse Handle(AwsRequest request) => request.Action switch
    {
        "GetResources" => GetResources(request),
        _ => throw new AwsError("UnknownOperationException", $"Unknown operation {request.Action}"),
    };

    private WireResponse GetResources(AwsRequest request)
    {
        var types = request.Json.Strings("ResourceTypeFilters");
        var filters = request.Json.TryGetProperty("TagFilters", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(x => (Key: x.Str("Key") ?? "", Values: x.Strings("Values"))).ToList()
            : [];
        if (filters.Count > 50)
            throw new AwsError("InvalidParameterException", "TagFilters can have at most 50 items.");
        List<KeyValuePair<string, IReadOnlyDictionary<string, string>>> matching;
        lock (_lock)
            matching = [.. _fileSystems
                .Where(_ => types.Count == 0 || types.Contains("elasticfilesystem:file-system") || types.Contains("elasticfilesystem"))
                .Where(fs => filters.All(t => fs.Value.TryGetValue(t.Key, out var v) && (t.Values.Count == 0 || t.Values.Contains(v))))
                .OrderBy(fs => fs.Key, StringComparer.Ordinal)];
        var (page, next) = Paging.Page(matching, request.Json.Str("PaginationToken") is { Length: > 0 } token ? token : null, options.PageSize);
        return JsonProtocol.Ok(request, new JsonObject
        {
            ["PaginationToken"] = next ?? "",
            ["ResourceTagMappingList"] = JsonProtocol.Array(page.Select(fs => (JsonNode?)new JsonObject
            {
                ["ResourceARN"] = $"arn:aws:elasticfilesystem:{region}:{account}:file-system/{fs.Key}",
                ["Tags"] = JsonProtocol.Array(fs.Value.Select(t => (JsonNode?)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })),
            }).ToList()),
        });
    }
}
