using System.Text;
using System.Text.Json.Nodes;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Clients;

/// <summary>
/// The Amazon ECR operations compose-ecs uses (JSON 1.1, target prefix <c>AmazonEC2ContainerRegistry_V20150921</c>,
/// endpoint <c>api.ecr.&lt;region&gt;.amazonaws.com</c>, signing name <c>ecr</c>). Members are camelCase, tags Key/Value.
/// </summary>
public sealed class EcrClient(AwsTransport transport)
{
    private readonly JsonProtocol _json = new(transport, AwsService.Ecr, "AmazonEC2ContainerRegistry_V20150921");

    /// <summary>The repository, or null when it does not exist (RepositoryNotFoundException).</summary>
    public async Task<EcrRepository?> FindRepositoryAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await _json.CallAsync("DescribeRepositories", new JsonObject { ["repositoryNames"] = Json.Array([name]) }, cancellationToken).ConfigureAwait(false);
            return result.Objects("repositories").Select(ReadRepository).FirstOrDefault();
        }
        catch (AwsServiceException e) when (e.Code == "RepositoryNotFoundException")
        {
            return null;
        }
    }

    /// <summary>Every repository of the account's registry in this region.</summary>
    public Task<IReadOnlyList<EcrRepository>> DescribeRepositoriesAsync(CancellationToken cancellationToken = default) =>
        Paging.All<EcrRepository>(async (token, ct) =>
        {
            var result = await _json.CallAsync("DescribeRepositories", new JsonObject { ["maxResults"] = 1000 }.With("nextToken", token), ct).ConfigureAwait(false);
            return new Page<EcrRepository>(result.Objects("repositories").Select(ReadRepository).ToList(), result.Str("nextToken"));
        }, cancellationToken).CollectAsync(cancellationToken);

    public async Task<EcrRepository> CreateRepositoryAsync(
        string name, IReadOnlyList<EcrTag> tags, bool scanOnPush, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["repositoryName"] = name,
            ["imageTagMutability"] = "MUTABLE",
            ["imageScanningConfiguration"] = new JsonObject { ["scanOnPush"] = scanOnPush },
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray()),
        };
        var result = await _json.CallAsync("CreateRepository", body, cancellationToken).ConfigureAwait(false);
        return ReadRepository(result.Obj("repository") ?? []);
    }

    public Task PutLifecyclePolicyAsync(string repositoryName, string policyText, CancellationToken cancellationToken = default) =>
        _json.CallAsync("PutLifecyclePolicy", new JsonObject { ["repositoryName"] = repositoryName, ["lifecyclePolicyText"] = policyText }, cancellationToken);

    public async Task<IReadOnlyList<EcrTag>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken = default)
    {
        var result = await _json.CallAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = resourceArn }, cancellationToken).ConfigureAwait(false);
        return result.Objects("tags").Select(t => new EcrTag(t.StrOrEmpty("Key"), t.StrOrEmpty("Value"))).ToList();
    }

    /// <summary>The images of a repository (all of them, or the ones named); an id that matches nothing is left out.</summary>
    public Task<IReadOnlyList<EcrImage>> DescribeImagesAsync(string repositoryName, IReadOnlyList<EcrImageId>? ids = null, CancellationToken cancellationToken = default) =>
        Paging.All<EcrImage>(async (token, ct) =>
        {
            var body = new JsonObject { ["repositoryName"] = repositoryName }.With("nextToken", token);
            if (ids is { Count: > 0 })
                body["imageIds"] = new JsonArray(ids.Select(i => (JsonNode?)new JsonObject().With("imageTag", i.Tag).With("imageDigest", i.Digest)).ToArray());
            else
                body["maxResults"] = 1000;
            try
            {
                var result = await _json.CallAsync("DescribeImages", body, ct).ConfigureAwait(false);
                return new Page<EcrImage>(result.Objects("imageDetails").Select(d => new EcrImage(
                    d.StrOrEmpty("imageDigest"), d.Strings("imageTags"), d.EpochSeconds("imagePushedAt"))).ToList(), result.Str("nextToken"));
            }
            catch (AwsServiceException e) when (e.Code == "ImageNotFoundException" && ids is { Count: > 0 })
            {
                return new Page<EcrImage>([], null);
            }
        }, cancellationToken).CollectAsync(cancellationToken);

    /// <summary>Deletes a repository; with <paramref name="force"/> also when it still holds images.</summary>
    public Task DeleteRepositoryAsync(string repositoryName, bool force, CancellationToken cancellationToken = default) =>
        _json.CallAsync("DeleteRepository", new JsonObject { ["repositoryName"] = repositoryName, ["force"] = force }, cancellationToken);

    /// <summary>Credentials for the account's registry: the token is base64 of <c>AWS:&lt;password&gt;</c>.</summary>
    public async Task<EcrAuthorization> GetAuthorizationTokenAsync(CancellationToken cancellationToken = default)
    {
        var result = await _json.CallAsync("GetAuthorizationToken", [], cancellationToken).ConfigureAwait(false);
        var data = result.Objects("authorizationData").FirstOrDefault() ?? throw new FormatException("ecr GetAuthorizationToken returned no authorization data.");
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(data.StrOrEmpty("authorizationToken")));
        var colon = decoded.IndexOf(':');
        if (colon <= 0) throw new FormatException("ecr GetAuthorizationToken returned a token that is not user:password.");
        return new EcrAuthorization(decoded[..colon], decoded[(colon + 1)..], data.StrOrEmpty("proxyEndpoint"), data.EpochSeconds("expiresAt"));
    }

    private static EcrRepository ReadRepository(JsonObject o) =>
        new(o.StrOrEmpty("repositoryName"), o.StrOrEmpty("repositoryUri"), o.StrOrEmpty("repositoryArn"), o.StrOrEmpty("registryId"));
}
