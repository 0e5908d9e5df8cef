using System.Globalization;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Credentials;

/// <param name="DurationSeconds">Session length; STS defaults to one hour.</param>
public sealed record AssumeRoleSettings(string RoleArn, string RoleSessionName, string? ExternalId = null, int? DurationSeconds = null);

/// <summary>
/// Credentials of a role assumed with STS AssumeRole (a profile's role_arn + source_profile), refreshed five
/// minutes before they expire. Done here rather than by the SDK because the SDK builds its STS client by
/// reflection for this, which Native AOT cannot do.
/// </summary>
/// <param name="sts">A transport signed with the source credentials.</param>
public sealed class AssumeRoleCredentialsProvider(AwsTransport sts, AssumeRoleSettings role, string source, TimeProvider? time = null)
    : IAwsCredentialsProvider
{
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);
    private readonly QueryProtocol _query = new(sts, AwsService.Sts, "2011-06-15");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private Session? _current;

    public string Source { get; } = source;

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } credentials)
            return credentials;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh() is { } again)
                return again;
            _current = await AssumeAsync(cancellationToken).ConfigureAwait(false);
            return _current.Credentials;
        }
        finally
        {
            _gate.Release();
        }
    }

    private AwsCredentials? Fresh()
    {
        var current = Volatile.Read(ref _current);
        return current is not null && current.Expiration - RefreshBefore > _time.GetUtcNow() ? current.Credentials : null;
    }

    private async Task<Session> AssumeAsync(CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters()
            .Add("RoleArn", role.RoleArn)
            .Add("RoleSessionName", role.RoleSessionName)
            .Add("ExternalId", role.ExternalId)
            .Add("DurationSeconds", role.DurationSeconds);
        try
        {
            var result = await _query.CallAsync("AssumeRole", parameters, cancellationToken).ConfigureAwait(false);
            var c = result.Child("Credentials") ?? throw new AwsConfigurationException($"STS AssumeRole for {role.RoleArn} returned no credentials.");
            var expiration = DateTimeOffset.TryParse(c.Text("Expiration"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e)
                ? e
                : _time.GetUtcNow().AddMinutes(15);
            return new Session(new AwsCredentials(c.TextOrEmpty("AccessKeyId"), c.TextOrEmpty("SecretAccessKey"), c.Text("SessionToken")), expiration);
        }
        catch (AwsServiceException e)
        {
            throw new AwsConfigurationException($"Could not assume role {role.RoleArn} ({Source}): {e.Code}: {e.ErrorMessage}", e);
        }
    }

    private sealed record Session(AwsCredentials Credentials, DateTimeOffset Expiration);
}
