using System.Text.Json.Nodes;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Clients;

/// <summary>
/// A secret's value as bytes: UTF-8 text goes as SecretString, anything else as SecretBinary (base64 on the wire, never
/// decoded as text). <see cref="ToString"/> never shows it.
/// </summary>
public sealed class SecretPayload(byte[] bytes, bool isText)
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;
    public bool IsText { get; } = isText;

    public static SecretPayload Of(byte[] bytes) => new(bytes, IsUtf8(bytes));

    public static bool IsUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    public bool SameAs(SecretPayload other) => IsText == other.IsText && Bytes.Span.SequenceEqual(other.Bytes.Span);

    internal void WriteTo(JsonObject body)
    {
        if (IsText) body["SecretString"] = System.Text.Encoding.UTF8.GetString(Bytes.Span);
        else body["SecretBinary"] = Convert.ToBase64String(Bytes.Span);
    }

    public override string ToString() => $"SecretPayload({Bytes.Length} bytes, {(IsText ? "text" : "binary")})";
}

public sealed partial class SecretsManagerClient
{
    /// <summary>Creates a secret holding the payload (SecretString or SecretBinary).</summary>
    public async Task<SecretVersion> CreateSecretAsync(string name, SecretPayload value, string? description, IReadOnlyList<SecretTag> tags, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["Name"] = name }.With("Description", description).With("Tags", tags.Count > 0 ? TagArray(tags) : null);
        value.WriteTo(body);
        return ReadVersion(await _json.CallAsync("CreateSecret", body, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A new current version of the secret holding the payload.</summary>
    public async Task<SecretVersion> PutSecretValueAsync(string secretId, SecretPayload value, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["SecretId"] = secretId };
        value.WriteTo(body);
        return ReadVersion(await _json.CallAsync("PutSecretValue", body, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The current value, or null when the secret has none.</summary>
    public async Task<SecretPayload?> GetSecretValueAsync(string secretId, CancellationToken cancellationToken = default)
    {
        var result = await _json.CallAsync("GetSecretValue", new JsonObject { ["SecretId"] = secretId }, cancellationToken).ConfigureAwait(false);
        if (result.Str("SecretBinary") is { } binary) return new SecretPayload(Convert.FromBase64String(binary), false);
        return result.Str("SecretString") is { } text ? new SecretPayload(System.Text.Encoding.UTF8.GetBytes(text), true) : null;
    }
}
