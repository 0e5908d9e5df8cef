using System.Text.Json.Nodes;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Clients;

/// <summary>
/// The Secrets Manager operations compose-ecs uses (JSON 1.1, target prefix "secretsmanager").
/// Secret values are only ever placed in request bodies, which never appear in errors.
/// </summary>
public sealed partial class SecretsManagerClient(AwsTransport transport)
{
    private readonly JsonProtocol _json = new(transport, AwsService.SecretsManager, "secretsmanager");

    public async Task<SecretVersion> CreateSecretAsync(CreateSecretRequest request, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["Name"] = request.Name, ["SecretString"] = request.SecretString }
            .With("Description", request.Description)
            .With("KmsKeyId", request.KmsKeyId)
            .With("ClientRequestToken", request.ClientRequestToken)
            .With("Tags", request.Tags is { Count: > 0 } tags ? TagArray(tags) : null);
        var result = await _json.CallAsync("CreateSecret", body, cancellationToken).ConfigureAwait(false);
        return ReadVersion(result);
    }

    public async Task<SecretVersion> PutSecretValueAsync(string secretId, string secretString, string? clientRequestToken = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["SecretId"] = secretId, ["SecretString"] = secretString }.With("ClientRequestToken", clientRequestToken);
        var result = await _json.CallAsync("PutSecretValue", body, cancellationToken).ConfigureAwait(false);
        return ReadVersion(result);
    }

    public async Task<SecretDescription> DescribeSecretAsync(string secretId, CancellationToken cancellationToken = default)
    {
        var result = await _json.CallAsync("DescribeSecret", new JsonObject { ["SecretId"] = secretId }, cancellationToken).ConfigureAwait(false);
        return ReadDescription(result);
    }

    public Task<IReadOnlyList<SecretDescription>> ListSecretsAsync(IEnumerable<SecretFilter>? filters = null, CancellationToken cancellationToken = default)
    {
        var filterList = filters?.ToList() ?? [];
        return Paging.All<SecretDescription>(async (token, ct) =>
        {
            var body = new JsonObject { ["MaxResults"] = 100 }
                .With("Filters", filterList.Count > 0
                    ? new JsonArray(filterList.Select(f => (JsonNode?)new JsonObject { ["Key"] = f.Key, ["Values"] = Json.Array(f.Values) }).ToArray())
                    : null)
                .With("NextToken", token);
            var result = await _json.CallAsync("ListSecrets", body, ct).ConfigureAwait(false);
            return new Page<SecretDescription>(result.Objects("SecretList").Select(ReadDescription).ToList(), result.Str("NextToken"));
        }, cancellationToken).CollectAsync(cancellationToken);
    }

    /// <param name="forceDeleteWithoutRecovery">Delete at once instead of after the recovery window.</param>
    /// <param name="recoveryWindowInDays">7 to 30; ignored when forcing.</param>
    public async Task<DeletedSecret> DeleteSecretAsync(
        string secretId, bool forceDeleteWithoutRecovery = false, int? recoveryWindowInDays = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["SecretId"] = secretId };
        if (forceDeleteWithoutRecovery)
            body["ForceDeleteWithoutRecovery"] = true;
        else
            body.With("RecoveryWindowInDays", recoveryWindowInDays);
        var result = await _json.CallAsync("DeleteSecret", body, cancellationToken).ConfigureAwait(false);
        return new DeletedSecret(result.StrOrEmpty("ARN"), result.StrOrEmpty("Name"), result.EpochSeconds("DeletionDate"));
    }

    private static JsonArray TagArray(IEnumerable<SecretTag> tags) =>
        new(tags.Select(t => (JsonNode?)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray());

    private static SecretVersion ReadVersion(JsonObject o) => new(o.StrOrEmpty("ARN"), o.StrOrEmpty("Name"), o.Str("VersionId"));

    private static SecretDescription ReadDescription(JsonObject o) => new(
        o.StrOrEmpty("ARN"), o.StrOrEmpty("Name"), o.Str("Description"), o.Str("KmsKeyId"),
        o.EpochSeconds("CreatedDate"), o.EpochSeconds("LastChangedDate"), o.EpochSeconds("DeletedDate"),
        o.Objects("Tags").Select(t => new SecretTag(t.StrOrEmpty("Key"), t.StrOrEmpty("Value"))).ToList());
}
