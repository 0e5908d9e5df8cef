using System.Text;

namespace ComposeEcs.Aws.Clients;

public sealed record EcrTag(string Key, string Value);

public sealed record EcrRepository(string RepositoryName, string RepositoryUri, string RepositoryArn, string RegistryId);

/// <summary>One image of a repository. <see cref="PushedAt"/> orders them (the newest is the last pushed).</summary>
public sealed record EcrImage(string Digest, IReadOnlyList<string> Tags, DateTimeOffset? PushedAt);

/// <summary>An image to look up: by tag or by digest.</summary>
public sealed record EcrImageId(string? Tag = null, string? Digest = null);

/// <summary>
/// Registry credentials for <c>docker login</c> (valid 12 hours). <see cref="ToString"/> never shows the password;
/// pass it to docker on standard input only.
/// </summary>
public sealed record EcrAuthorization(string UserName, string Password, string ProxyEndpoint, DateTimeOffset? ExpiresAt)
{
    /// <summary>The registry host docker logs in to: the proxy endpoint without its scheme.</summary>
    public string Registry => ProxyEndpoint.Contains("://", StringComparison.Ordinal) ? new Uri(ProxyEndpoint).Authority : ProxyEndpoint.TrimEnd('/');

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("UserName = ").Append(UserName).Append(", Password = ****, ProxyEndpoint = ").Append(ProxyEndpoint);
        return true;
    }
}
