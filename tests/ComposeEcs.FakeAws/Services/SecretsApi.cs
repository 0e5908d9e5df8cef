using System.Text.Json.Nodes;

namespace ComposeEcs.FakeAws.Services;

/// <summary>Secrets Manager (JSON 1.1, target prefix "secretsmanager").</summary>
internal sealed class SecretsApi(FakeAwsOptions options, string region, string account) : IServiceHandler
{
    private readonly Lock _lock = new();
    private readonly List<FakeSecret> _secrets = [];

    public string Service => "secretsmanager";

    public IReadOnlyList<FakeSecret> Secrets { get { lock (_lock) return _secrets.ToList(); } }

    public WireResponse Handle(AwsRequest request)
    {
        lock (_lock)
            return request.Action switch
            {
                "CreateSecret" => CreateSecret(request),
                "PutSecretValue" => PutSecretValue(request),
                "GetSecretValue" => GetSecretValue(request),
                "DescribeSecret" => JsonProtocol.Ok(request, Describe(Require(request.Json.RequiredStr("SecretId")))),
                "ListSecrets" => ListSecrets(request),
                "DeleteSecret" => DeleteSecret(request),
                _ => throw new AwsError("UnknownOperationException", $"Unknown operation {request.Action}"),
            };
    }

    /// <summary>Stack resources of type AWS::SecretsManager::Secret appear here (and vanish when the stack deletes them).</summary>
    public void Sync(string arn, JsonNode? properties, bool exists)
    {
        lock (_lock)
        {
            _secrets.RemoveAll(s => s.Arn == arn);
            if (!exists) return;
            var name = Template(properties, "Name") ?? arn.Split(':')[^1][..^7];
            var now = DateTimeOffset.UtcNow;
            _secrets.Add(new FakeSecret(arn, name, Template(properties, "Description"), Template(properties, "SecretString") ?? Guid.NewGuid().ToString("N"),
                Guid.NewGuid().ToString(), now, now, null,
                (properties?["Tags"] as JsonArray ?? []).Select(t => KeyValuePair.Create(Template(t, "Key") ?? "", Template(t, "Value") ?? "")).ToList()));
        }
    }

    private static string? Template(JsonNode? properties, string name) => CloudFormation.Template.Text(properties?[name]);

    private WireResponse CreateSecret(AwsRequest request)
    {
        var name = request.Json.RequiredStr("Name");
        if (_secrets.FirstOrDefault(s => s.Name == name) is { } existing)
            throw existing.DeletedDate is null
                ? new AwsError("ResourceExistsException", $"The operation failed because the secret {name} already exists.")
                : new AwsError("InvalidRequestException", $"You can't create this secret because a secret with this name is already scheduled for deletion.");
        var now = DateTimeOffset.UtcNow;
        var tags = request.Json.TryGetProperty("Tags", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.Array
            ? t.EnumerateArray().Select(x => KeyValuePair.Create(x.Str("Key") ?? "", x.Str("Value") ?? "")).ToList()
            : [];
        var (text, binary) = Value(request, required: false);
        var secret = new FakeSecret($"arn:aws:secretsmanager:{region}:{account}:secret:{name}-{Suffix()}", name, request.Json.Str("Description"),
            text, request.Json.Str("ClientRequestToken") ?? Guid.NewGuid().ToString(), now, now, null, tags, binary);
        _secrets.Add(secret);
        return JsonProtocol.Ok(request, new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name, ["VersionId"] = secret.VersionId });
    }

    private WireResponse PutSecretValue(AwsRequest request)
    {
        var secret = Require(request.Json.RequiredStr("SecretId"));
        var (text, binary) = Value(request, required: true);
        var updated = secret with
        {
            SecretString = text,
            SecretBinary = binary,
            VersionId = request.Json.Str("ClientRequestToken") ?? Guid.NewGuid().ToString(),
            LastChangedDate = DateTimeOffset.UtcNow,
        };
        _secrets[_secrets.IndexOf(secret)] = updated;
        return JsonProtocol.Ok(request, new JsonObject
        {
            ["ARN"] = updated.Arn, ["Name"] = updated.Name, ["VersionId"] = updated.VersionId, ["VersionStages"] = new JsonArray("AWSCURRENT"),
        });
    }

    private WireResponse GetSecretValue(AwsRequest request)
    {
        var secret = Require(request.Json.RequiredStr("SecretId"));
        return JsonProtocol.Ok(request, new JsonObject
        {
            ["ARN"] = secret.Arn, ["Name"] = secret.Name, ["VersionId"] = secret.VersionId, ["SecretString"] = secret.SecretString,
            ["SecretBinary"] = secret.SecretBinary is { } bytes ? Convert.ToBase64String(bytes) : null,
            ["VersionStages"] = new JsonArray("AWSCURRENT"), ["CreatedDate"] = JsonProtocol.Epoch(secret.LastChangedDate),
        });
    }

    private WireResponse ListSecrets(AwsRequest request)
    {
        var filters = request.Json.TryGetProperty("Filters", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.Array
            ? f.EnumerateArray().Select(x => (Key: x.Str("Key") ?? "", Values: x.Strings("Values"))).ToList()
            : [];
        var matching = _secrets
            .Where(s => s.DeletedDate is null || request.Json.Bool("IncludePlannedDeletion") == true)
            .Where(s => filters.All(filter => filter.Values.Any(v => Matches(s, filter.Key, v))))
            .ToList();
        var (page, next) = Paging.Page(matching, request.Json.Str("NextToken"), options.PageSize, (int?)request.Json.Long("MaxResults"));
        var body = new JsonObject { ["SecretList"] = JsonProtocol.Array(page.Select(Describe)) };
        if (next is not null) body["NextToken"] = next;
        return JsonProtocol.Ok(request, body);
    }

    private WireResponse DeleteSecret(AwsRequest request)
    {
        var secret = Require(request.Json.RequiredStr("SecretId"));
        var force = request.Json.Bool("ForceDeleteWithoutRecovery") == true;
        var deletion = DateTimeOffset.UtcNow.AddDays(force ? 0 : request.Json.Long("RecoveryWindowInDays") ?? 30);
        if (force) _secrets.Remove(secret);
        else _secrets[_secrets.IndexOf(secret)] = secret with { DeletedDate = deletion };
        return JsonProtocol.Ok(request, new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name, ["DeletionDate"] = JsonProtocol.Epoch(deletion) });
    }

    /// <summary>ListSecrets filters match by prefix (case-sensitive), as Secrets Manager does.</summary>
    private static bool Matches(FakeSecret s, string key, string value)
    {
        bool Prefix(string? text) => text?.StartsWith(value, StringComparison.Ordinal) == true;
        return key switch
        {
            "name" => Prefix(s.Name),
            "description" => Prefix(s.Description),
            "tag-key" => s.Tags.Any(t => Prefix(t.Key)),
            "tag-value" => s.Tags.Any(t => Prefix(t.Value)),
            "all" => Prefix(s.Name) || Prefix(s.Description) || s.Tags.Any(t => Prefix(t.Key) || Prefix(t.Value)),
            _ => throw new AwsError("InvalidParameterException", $"Invalid filter key: {key}"),
        };
    }

    private FakeSecret Require(string id) =>
        _secrets.FirstOrDefault(s => s.Name == id || s.Arn == id || s.Arn.StartsWith(id + "-", StringComparison.Ordinal))
        ?? throw new AwsError("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");

    private static JsonObject Describe(FakeSecret s)
    {
        var o = new JsonObject
        {
            ["ARN"] = s.Arn,
            ["Name"] = s.Name,
            ["CreatedDate"] = JsonProtocol.Epoch(s.CreatedDate),
            ["LastChangedDate"] = JsonProtocol.Epoch(s.LastChangedDate),
            ["Tags"] = JsonProtocol.Array(s.Tags.Select(t => (JsonNode?)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })),
            ["VersionIdsToStages"] = new JsonObject { [s.VersionId] = new JsonArray("AWSCURRENT") },
        };
        if (s.Description is not null) o["Description"] = s.Description;
        if (s.DeletedDate is { } d) o["DeletedDate"] = JsonProtocol.Epoch(d);
        return o;
    }

    /// <summary>SecretString or SecretBinary (base64 on the wire), never both, each at most 65,536 bytes, as Secrets Manager checks.</summary>
    private static (string? Text, byte[]? Binary) Value(AwsRequest request, bool required)
    {
        var text = request.Json.Str("SecretString");
        var encoded = request.Json.Str("SecretBinary");
        if (text is not null && encoded is not null)
            throw new AwsError("InvalidParameterException", "You can't specify both a binary secret value and a string secret value in the same secret.");
        if (required && text is null && encoded is null)
            throw new AwsError("InvalidRequestException", "You must provide either SecretString or SecretBinary.");
        var binary = encoded is null ? null : Convert.FromBase64String(encoded);
        if (text is not null && System.Text.Encoding.UTF8.GetByteCount(text) > 65_536)
            throw new AwsError("ValidationException", "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536");
        if (binary is { Length: > 65_536 })
            throw new AwsError("ValidationException", "1 validation error detected: Value at 'secretBinary' failed to satisfy constraint: Member must have length less than or equal to 65536");
        return (text, binary);
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];
}
