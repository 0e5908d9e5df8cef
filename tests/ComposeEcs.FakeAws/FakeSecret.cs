namespace ComposeEcs.FakeAws;

/// <summary>A secret as Secrets Manager keeps it.</summary>
public sealed record FakeSecret(
    string Arn,
    string Name,
    string? Description,
    string? SecretString,
    string VersionId,
    DateTimeOffset CreatedDate,
    DateTimeOffset LastChangedDate,
    DateTimeOffset? DeletedDate,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    byte[]? SecretBinary = null);
