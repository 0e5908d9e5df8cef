using ComposeEcs.Aws.Http;

namespace ComposeEcs.Aws;

/// <summary>What the user asked for on the command line; anything left null comes from the environment.</summary>
/// <param name="Profile">--aws-profile (wins over AWS_PROFILE and over AWS_ACCESS_KEY_ID).</param>
/// <param name="Region">--region (wins over AWS_REGION, AWS_DEFAULT_REGION and the profile's region).</param>
/// <param name="EndpointUrl">--endpoint-url: one endpoint for every service (wins over AWS_ENDPOINT_URL*).</param>
/// <param name="Retry">Retry policy; <see cref="RetryPolicy.Default"/> when null.</param>
/// <param name="OnRequest">Told about every HTTP attempt (service, action, status, error code, request id, time).</param>
public sealed record AwsSettings(
    string? Profile = null,
    string? Region = null,
    string? EndpointUrl = null,
    RetryPolicy? Retry = null,
    Action<AwsRequestLog>? OnRequest = null);
