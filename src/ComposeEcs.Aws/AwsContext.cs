using ComposeEcs.Aws.Clients;
using ComposeEcs.Aws.Credentials;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;

namespace ComposeEcs.Aws;

/// <summary>
/// The entry point: one region, one set of credentials, one HttpClient, and a typed client per service.
/// Dispose it to release the HttpClient it created (a caller-supplied HttpClient is left alone).
/// </summary>
public sealed class AwsContext : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Fixed credentials, e.g. for tests against a local emulator.</summary>
    public AwsContext(
        AwsCredentials credentials, string region, Uri? endpointOverride = null, HttpClient? httpClient = null, RetryPolicy? retryPolicy = null)
        : this(new StaticCredentialsProvider(credentials), region, new EndpointResolver(region, endpointOverride), httpClient, retryPolicy)
    {
    }

    public AwsContext(
        IAwsCredentialsProvider credentials, string region, EndpointResolver endpoints,
        HttpClient? httpClient = null, RetryPolicy? retryPolicy = null, TimeProvider? timeProvider = null,
        Action<AwsRequestLog>? onRequest = null)
        : this(credentials, region, endpoints, httpClient ?? NewHttpClient(), httpClient is null, retryPolicy, timeProvider, onRequest)
    {
    }

    private AwsContext(
        IAwsCredentialsProvider credentials, string region, EndpointResolver endpoints, HttpClient http, bool ownsHttp,
        RetryPolicy? retryPolicy, TimeProvider? timeProvider, Action<AwsRequestLog>? onRequest)
    {
        _ownsHttp = ownsHttp;
        _http = http;
        Region = region;
        Credentials = credentials;
        Transport = new AwsTransport(_http, credentials, region, endpoints, retryPolicy, timeProvider, onRequest);
        CloudFormation = new CloudFormationClient(Transport);
        Ecs = new EcsClient(Transport);
        Logs = new LogsClient(Transport);
        Efs = new EfsClient(Transport);
        SecretsManager = new SecretsManagerClient(Transport);
        ElbV2 = new ElbV2Client(Transport);
        Ec2 = new Ec2Client(Transport);
        Ssm = new SsmClient(Transport);
        Sts = new StsClient(Transport);
        Ecr = new EcrClient(Transport);
        Tagging = new TaggingClient(Transport);
    }

    /// <summary>Resolves region, credentials and endpoints from the settings and the real process environment.</summary>
    public static Task<AwsContext> ResolveAsync(AwsSettings settings, CancellationToken cancellationToken = default) =>
        ResolveAsync(settings, AwsEnvironment.Process, null, cancellationToken);

    /// <summary>
    /// Resolves region, credentials and endpoints. Throws <see cref="AwsConfigurationException"/> (one-line message)
    /// when the region or credentials are missing or a profile is unusable.
    /// </summary>
    public static async Task<AwsContext> ResolveAsync(
        AwsSettings settings, AwsEnvironment environment, HttpClient? httpClient, CancellationToken cancellationToken = default)
    {
        var explicitEndpoint = settings.EndpointUrl is { Length: > 0 } url ? EndpointResolver.ParseEndpoint(url) : null;
        var http = httpClient ?? NewHttpClient();
        try
        {
            EndpointResolver Endpoints(string region) => new(region, explicitEndpoint, environment.Variable);
            var resolved = await AwsConfigResolver.ResolveAsync(settings, environment, cancellationToken,
                (source, region) => new AwsTransport(http, source, region, Endpoints(region), settings.Retry, null, settings.OnRequest)).ConfigureAwait(false);
            // Fetch once now so an expired SSO session or a broken profile fails before any work starts.
            await resolved.Credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            return new AwsContext(resolved.Credentials, resolved.Region, Endpoints(resolved.Region), http, httpClient is null, settings.Retry, null, settings.OnRequest);
        }
        catch when (httpClient is null)
        {
            http.Dispose();
            throw;
        }
    }

    private static HttpClient NewHttpClient() => new() { Timeout = TimeSpan.FromSeconds(60) };

    public string Region { get; }

    public IAwsCredentialsProvider Credentials { get; }

    public AwsTransport Transport { get; }

    public CloudFormationClient CloudFormation { get; }

    public EcsClient Ecs { get; }

    public LogsClient Logs { get; }

    public EfsClient Efs { get; }

    public SecretsManagerClient SecretsManager { get; }

    public ElbV2Client ElbV2 { get; }

    public Ec2Client Ec2 { get; }

    public SsmClient Ssm { get; }

    public StsClient Sts { get; }

    public EcrClient Ecr { get; }

    public TaggingClient Tagging { get; }

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }
}
