using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ComposeEcs.FakeAws.Services;

/// <summary>An image in a fake ECR repository (pushed through <see cref="FakeAwsServer.PushImage"/>).</summary>
public sealed record FakeImage(string Digest, IReadOnlyList<string> Tags, DateTimeOffset PushedAt);

/// <summary>A fake ECR repository as tests see it.</summary>
public sealed record FakeRepository(
    string Name, string Uri, string Arn, IReadOnlyList<KeyValuePair<string, string>> Tags, bool ScanOnPush, string? LifecyclePolicy,
    IReadOnlyList<FakeImage> Images);

/// <summary>
/// Amazon ECR (JSON 1.1, target prefix AmazonEC2ContainerRegistry_V20150921): repositories, lifecycle policies,
/// authorization tokens and images. Images arrive only through the test hook (there is no registry protocol here),
/// the way a <c>docker push</c> would put them. Refuses what ECR refuses: invalid names, existing or missing
/// repositories, deleting a repository that still holds images without <c>force</c>.
/// </summary>
internal sealed partial class EcrApi(FakeAwsOptions options, string region, string account) : IServiceHandler
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeRepository> _repositories = new(StringComparer.Ordinal);
    private readonly List<string> _passwords = [];

    public string Service => "ecr";

    public string RegistryHost => $"{account}.dkr.ecr.{region}.amazonaws.com";

    public IReadOnlyList<FakeRepository> Repositories { get { lock (_lock) return [.. _repositories.Values.OrderBy(r => r.Name, StringComparer.Ordinal)]; } }

    /// <summary>The passwords GetAuthorizationToken handed out (a test checks they reached docker on stdin only).</summary>
    public IReadOnlyList<string> Passwords { get { lock (_lock) return [.. _passwords]; } }

    [GeneratedRegex(@"^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$")]
    private static partial Regex NamePattern();

    public WireResponse Handle(AwsRequest request)
    {
        lock (_lock)
            return request.Action switch
            {
                "CreateRepository" => CreateRepository(request),
                "DescribeRepositories" => DescribeRepositories(request),
                "PutLifecyclePolicy" => PutLifecyclePolicy(request),
                "GetAuthorizationToken" => GetAuthorizationToken(request),
                "DescribeImages" => DescribeImages(request),
                "DeleteRepository" => DeleteRepository(request),
                "ListTagsForResource" => ListTagsForResource(request),
                _ => throw new AwsError("UnknownOperationException", $"Unknown operation {request.Action}"),
            };
    }

    /// <summary>What a successful <c>docker push</c> leaves behind: the image, with the tag moved onto it.</summary>
    public void Push(string repository, string tag, string digest)
    {
        lock (_lock)
        {
            var repo = _repositories.GetValueOrDefault(repository)
                ?? throw new InvalidOperationException($"name unknown: The repository with name '{repository}' does not exist in the registry with id '{account}'");
            var images = repo.Images.Select(i => i with { Tags = [.. i.Tags.Where(t => t != tag)] }).ToList();
            var existing = images.FindIndex(i => i.Digest == digest);
            if (existing >= 0) images[existing] = images[existing] with { Tags = [.. images[existing].Tags, tag] };
            else images.Add(new FakeImage(digest, [tag], DateTimeOffset.UtcNow));
            _repositories[repository] = repo with { Images = images };
        }
    }

    private FakeRepository Require(string name) => _repositories.GetValueOrDefault(name)
        ?? throw new AwsError("RepositoryNotFoundException", $"The repository with name '{name}' does not exist in the registry with id '{account}'");

    private WireResponse CreateRepository(AwsRequest request)
    {
        var name = request.Json.RequiredStr("repositoryName");
        if (name.Length is < 2 or > 256 || !NamePattern().IsMatch(name))
            throw new AwsError("InvalidParameterException",
                $"Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '{NamePattern()}''");
        if (_repositories.ContainsKey(name))
            throw new AwsError("RepositoryAlreadyExistsException", $"The repository with name '{name}' already exists in the registry with id '{account}'");
        var tags = request.Json.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(x => KeyValuePair.Create(x.Str("Key") ?? "", x.Str("Value") ?? "")).ToList()
            : [];
        var scan = request.Json.TryGetProperty("imageScanningConfiguration", out var s) && s.Bool("scanOnPush") == true;
        var repo = new FakeRepository(name, $"{RegistryHost}/{name}", $"arn:aws:ecr:{region}:{account}:repository/{name}", tags, scan, null, []);
        _repositories[name] = repo;
        return JsonProtocol.Ok(request, new JsonObject { ["repository"] = Describe(repo) });
    }

    private WireResponse DescribeRepositories(AwsRequest request)
    {
        var names = request.Json.Strings("repositoryNames");
        if (names.Count > 0)
            return JsonProtocol.Ok(request, new JsonObject { ["repositories"] = JsonProtocol.Array(names.Select(n => (JsonNode?)Describe(Require(n)))) });
        var all = _repositories.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var (page, next) = Paging.Page(all, request.Json.Str("nextToken"), options.PageSize, (int?)request.Json.Long("maxResults"));
        return JsonProtocol.Ok(request, new JsonObject { ["repositories"] = JsonProtocol.Array(page.Select(r => (JsonNode?)Describe(r)).ToList()) }
            .AddIf("nextToken", next));
    }

    private WireResponse PutLifecyclePolicy(AwsRequest request)
    {
        var repo = Require(request.Json.RequiredStr("repositoryName"));
        var text = request.Json.RequiredStr("lifecyclePolicyText");
        try
        {
            if (JsonNode.Parse(text)?["rules"] is not JsonArray { Count: > 0 })
                throw new AwsError("InvalidParameterException", "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: rules is required'");
        }
        catch (JsonException)
        {
            throw new AwsError("InvalidParameterException", "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: invalid JSON'");
        }
        _repositories[repo.Name] = repo with { LifecyclePolicy = text };
        return JsonProtocol.Ok(request, new JsonObject { ["registryId"] = account, ["repositoryName"] = repo.Name, ["lifecyclePolicyText"] = text });
    }

    private WireResponse GetAuthorizationToken(AwsRequest request)
    {
        var password = "ecr-" + Guid.NewGuid().ToString("N");
        _passwords.Add(password);
        return JsonProtocol.Ok(request, new JsonObject
        {
            ["authorizationData"] = new JsonArray(new JsonObject
            {
                ["authorizationToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password)),
                ["expiresAt"] = JsonProtocol.Epoch(DateTimeOffset.UtcNow.AddHours(12)),
                ["proxyEndpoint"] = "https://" + RegistryHost,
            }),
        });
    }

    private WireResponse DescribeImages(AwsRequest request)
    {
        var repo = Require(request.Json.RequiredStr("repositoryName"));
        IReadOnlyList<FakeImage> images = repo.Images;
        if (request.Json.TryGetProperty("imageIds", out var ids) && ids.ValueKind == JsonValueKind.Array)
        {
            var wanted = ids.EnumerateArray().Select(i => (Tag: i.Str("imageTag"), Digest: i.Str("imageDigest"))).ToList();
            foreach (var id in wanted.Where(id => !repo.Images.Any(i => Matches(i, id.Tag, id.Digest))))
                throw new AwsError("ImageNotFoundException",
                    $"The image with imageId {{imageDigest:'{id.Digest ?? "null"}', imageTag:'{id.Tag ?? "null"}'}} does not exist within the repository with name '{repo.Name}' in the registry with id '{account}'");
            images = [.. repo.Images.Where(i => wanted.Any(id => Matches(i, id.Tag, id.Digest)))];
        }
        var (page, next) = Paging.Page(images, request.Json.Str("nextToken"), options.PageSize, (int?)request.Json.Long("maxResults"));
        return JsonProtocol.Ok(request, new JsonObject
        {
            ["imageDetails"] = JsonProtocol.Array(page.Select(i => (JsonNode?)new JsonObject
            {
                ["registryId"] = account,
                ["repositoryName"] = repo.Name,
                ["imageDigest"] = i.Digest,
                ["imageTags"] = JsonProtocol.Array(i.Tags.Select(t => (JsonNode?)t)),
                ["imagePushedAt"] = JsonProtocol.Epoch(i.PushedAt),
                ["imageSizeInBytes"] = 7_340_032,
                ["imageManifestMediaType"] = "application/vnd.docker.distribution.manifest.v2+json",
            }).ToList()),
        }.AddIf("nextToken", next));
    }

    private static bool Matches(FakeImage image, string? tag, string? digest) =>
        (tag is null || image.Tags.Contains(tag)) && (digest is null || image.Digest == digest) && (tag ?? digest) is not null;

    private WireResponse DeleteRepository(AwsRequest request)
    {
        var repo = Require(request.Json.RequiredStr("repositoryName"));
        if (repo.Images.Count > 0 && request.Json.Bool("force") != true)
            throw new AwsError("RepositoryNotEmptyException",
                $"The repository with name '{repo.Name}' in registry with id '{account}' cannot be deleted because it still contains images");
        _repositories.Remove(repo.Name);
        return JsonProtocol.Ok(request, new JsonObject { ["repository"] = Describe(repo) });
    }

    private WireResponse ListTagsForResource(AwsRequest request)
    {
        var arn = request.Json.RequiredStr("resourceArn");
        var repo = _repositories.Values.FirstOrDefault(r => r.Arn == arn)
            ?? throw new AwsError("RepositoryNotFoundException", $"The repository with ARN '{arn}' does not exist in the registry with id '{account}'");
        return JsonProtocol.Ok(request, new JsonObject
        {
            ["tags"] = JsonProtocol.Array(repo.Tags.Select(t => (JsonNode?)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })),
        });
    }

    private JsonObject Describe(FakeRepository repo) => new()
    {
        ["repositoryArn"] = repo.Arn,
        ["registryId"] = account,
        ["repositoryName"] = repo.Name,
        ["repositoryUri"] = repo.Uri,
        ["imageTagMutability"] = "MUTABLE",
        ["imageScanningConfiguration"] = new JsonObject { ["scanOnPush"] = repo.ScanOnPush },
        ["encryptionConfiguration"] = new JsonObject { ["encryptionType"] = "AES256" },
    };
}

internal static class JsonObjectExtensions
{
    public static JsonObject AddIf(this JsonObject o, string name, string? value)
    {
        if (value is not null) o[name] = value;
        return o;
    }
}
