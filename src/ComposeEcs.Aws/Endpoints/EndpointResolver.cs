using System.Text.RegularExpressions;

namespace ComposeEcs.Aws.Endpoints;

/// <summary>
/// Where each service's requests go: --endpoint-url, then AWS_ENDPOINT_URL_&lt;SERVICE&gt;, then AWS_ENDPOINT_URL,
/// then the standard regional endpoint. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true ignores the two variables.
/// </summary>
public sealed partial class EndpointResolver
{
    private readonly string _region;
    private readonly Uri? _explicitEndpoint;
    private readonly Func<string, string?> _getVariable;

    public EndpointResolver(string region, Uri? explicitEndpoint = null, Func<string, string?>? getVariable = null)
    {
        if (!IsValidRegion(region))
            throw new AwsConfigurationException($"'{region}' is not a valid AWS region name.");
        _region = region;
        _explicitEndpoint = explicitEndpoint;
        _getVariable = getVariable ?? (_ => null);
    }

    public static bool IsValidRegion(string region) => RegionPattern().IsMatch(region);

    public Uri Resolve(AwsService service)
    {
        if (_explicitEndpoint is not null)
            return _explicitEndpoint;
        if (!string.Equals(Variable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var fromEnvironment = Variable($"AWS_ENDPOINT_URL_{service.EnvironmentId}") ?? Variable("AWS_ENDPOINT_URL");
            if (fromEnvironment is not null)
                return ParseEndpoint(fromEnvironment);
        }
        return DefaultEndpoint(service, _region);
    }

    public static Uri DefaultEndpoint(AwsService service, string region)
    {
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{service.EndpointPrefix}.{region}.{suffix}/");
    }

    /// <summary>Parses a user-given endpoint URL; only http and https are accepted.</summary>
    public static Uri ParseEndpoint(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new AwsConfigurationException($"The endpoint URL '{value}' is not an absolute http(s) URL.");
        return uri;
    }

    private string? Variable(string name) => _getVariable(name) is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    [GeneratedRegex("^[a-z]{2}(-[a-z0-9]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
