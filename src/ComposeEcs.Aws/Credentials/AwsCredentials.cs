using System.Text;

namespace ComposeEcs.Aws.Credentials;

/// <summary>One set of AWS access keys. <see cref="ToString"/> never shows the secret or the token.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AccessKeyId = ").Append(AccessKeyId)
            .Append(", SecretAccessKey = ****")
            .Append(", SessionToken = ").Append(SessionToken is null ? "null" : "****");
        return true;
    }
}

/// <summary>Hands out current credentials for each request; temporary credentials may change over time.</summary>
public interface IAwsCredentialsProvider
{
    /// <summary>Where the credentials come from, for messages (e.g. "profile dev", "environment").</summary>
    string Source { get; }

    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}

/// <summary>Credentials that never change (environment variables, a profile's static keys, tests).</summary>
public sealed class StaticCredentialsProvider(AwsCredentials credentials, string source = "static") : IAwsCredentialsProvider
{
    public string Source { get; } = source;

    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
