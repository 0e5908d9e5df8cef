using System.Text.Json.Nodes;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Clients;

/// <summary>A tagged resource: its ARN and tags.</summary>
public sealed record TaggedResource(string Arn, IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// The Resource Groups Tagging API operation compose-ecs uses (JSON 1.1, target prefix
/// <c>ResourceGroupsTaggingAPI_20170126</c>): finding resources of one type by a tag, such as the EFS file system
/// whose <c>Name</c> tag is an external volume's name, in one filtered call instead of listing every file system.
/// </summary>
public sealed class TaggingClient(AwsTransport transport)
{
    private readonly JsonProtocol _json = new(transport, AwsService.Tagging, "ResourceGroupsTaggingAPI_20170126");

    /// <param name="resourceType">e.g. <c>elasticfilesystem:file-system</c>.</param>
    public Task<IReadOnlyList<TaggedResource>> GetResourcesAsync(
        string resourceType, string tagKey, string tagValue, CancellationToken cancellationToken = default) =>
        Paging.All<TaggedResource>(async (token, ct) =>
        {
            var body = new JsonObject
            {
                ["ResourceTypeFilters"] = Json.Array([resourceType]),
                ["TagFilters"] = new JsonArray(new JsonObject { ["Key"] = tagKey, ["Values"] = Json.Array([tagValue]) }),
            }.With("PaginationToken", string.IsNullOrEmpty(token) ? null : token);
            var result = await _json.CallAsync("GetResources", body, ct).ConfigureAwait(false);
            var page = result.Objects("ResourceTagMappingList").Select(m => new TaggedResource(m.StrOrEmpty("ResourceARN"),
                m.Objects("Tags").GroupBy(t => t.StrOrEmpty("Key")).ToDictionary(g => g.Key, g => g.First().StrOrEmpty("Value"), StringComparer.Ordinal))).ToList();
            // The API answers an empty string, not a missing member, on the last page.
            return new Page<TaggedResource>(page, result.Str("PaginationToken") is { Length: > 0 } next ? next : null);
        }, cancellationToken).CollectAsync(cancellationToken);
}
