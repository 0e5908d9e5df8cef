using System.Text;

namespace ComposeEcs.Aws.Clients;

public sealed record SecretTag(string Key, string Value);

/// <summary>Creates a secret. <see cref="ToString"/> never shows <see cref="SecretString"/>.</summary>
public sealed record CreateSecretRequest(
    string Name,
    string SecretString,
    string? Description = null,
    IReadOnlyList<SecretTag>? Tags = null,
    string? KmsKeyId = null,
    string? ClientRequestToken = null)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name).Append(", SecretString = ****, Description = ").Append(Description)
            .Append(", Tags = ").Append(Tags?.Count ?? 0).Append(", KmsKeyId = ").Append(KmsKeyId);
        return true;
    }
}

public sealed record SecretVersion(string Arn, string Name, string? VersionId);

public sealed record SecretDescription(
    string Arn,
    string Name,
    string? Description,
    string? KmsKeyId,
    DateTimeOffset? CreatedDate,
    DateTimeOffset? LastChangedDate,
    DateTimeOffset? DeletedDate,
    IReadOnlyList<SecretTag> Tags);

/// <summary>A ListSecrets filter: Key is one of name, description, tag-key, tag-value, primary-region, owning-service, all.</summary>
public sealed record SecretFilter(string Key, IReadOnlyList<string> Values);

public sealed record DeletedSecret(string Arn, string Name, DateTimeOffset? DeletionDate);
