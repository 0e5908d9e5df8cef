using System.Text.Json.Nodes;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Clients;

public sealed record SsmParameter(string Name, string Type, string Value, long Version, string? Arn);

/// <summary>The SSM operation compose-ecs uses (JSON 1.1, AmazonSSM), e.g. the ECS GPU-optimised AMI parameter.</summary>
public sealed class SsmClient(AwsTransport transport)
{
    private readonly JsonProtocol _json = new(transport, AwsService.Ssm, "AmazonSSM");

    public async Task<SsmParameter> GetParameterAsync(string name, bool withDecryption = false, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["Name"] = name };
        if (withDecryption)
            body["WithDecryption"] = true;
        var result = await _json.CallAsync("GetParameter", body, cancellationToken).ConfigureAwait(false);
        var p = result.Obj("Parameter") ?? [];
        return new SsmParameter(p.StrOrEmpty("Name"), p.StrOrEmpty("Type"), p.StrOrEmpty("Value"), p.Long("Version") ?? 0, p.Str("ARN"));
    }
}
