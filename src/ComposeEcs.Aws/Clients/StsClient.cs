using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Clients;

public sealed record CallerIdentity(string Account, string Arn, string UserId);

/// <summary>The STS operation compose-ecs uses (query protocol, 2011-06-15).</summary>
public sealed class StsClient(AwsTransport transport)
{
    private readonly QueryProtocol _query = new(transport, AwsService.Sts, "2011-06-15");

    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken = default)
    {
        var result = await _query.CallAsync("GetCallerIdentity", new QueryParameters(), cancellationToken).ConfigureAwait(false);
        return new CallerIdentity(result.TextOrEmpty("Account"), result.TextOrEmpty("Arn"), result.TextOrEmpty("UserId"));
    }
}
