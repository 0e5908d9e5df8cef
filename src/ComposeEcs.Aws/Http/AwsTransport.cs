using System.Net.Http.Headers;
using ComposeEcs.Aws.Credentials;
using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Signing;

namespace ComposeEcs.Aws.Http;

/// <summary>One signed POST to a service, with retries. Protocols build the body and parse the answer.</summary>
/// <param name="Action">The operation name, for errors and retries.</param>
/// <param name="Target">The X-Amz-Target header (JSON protocol), or null.</param>
public sealed record AwsCall(AwsService Service, string Action, byte[] Body, string ContentType, string? Target, ErrorParser ParseError)
{
    /// <summary>POST for the query and JSON protocols; GET/DELETE for REST services such as EFS.</summary>
    public HttpMethod Method { get; init; } = HttpMethod.Post;

    /// <summary>The path and query under the endpoint for REST services (<c>2015-02-01/file-systems/fs-1</c>); null for the endpoint itself.</summary>
    public string? Path { get; init; }
}

/// <summary>
/// Sends <see cref="AwsCall"/>s: resolves the endpoint, signs with the current credentials, retries throttling
/// and 5xx answers and network failures with exponential backoff and full jitter, and throws
/// <see cref="AwsServiceException"/> for any other error. Request bodies never appear in errors.
/// </summary>
public sealed class AwsTransport
{
    private const string UserAgent = "compose-ecs";

    private readonly HttpClient _http;
    private readonly IAwsCredentialsProvider _credentials;
    private readonly EndpointResolver _endpoints;
    private readonly RetryPolicy _retry;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Action<AwsRequestLog>? _onRequest;
    private long _clockOffsetTicks;

    /// <param name="onRequest">Told about every attempt (never the bodies), e.g. for a --debug flag.</param>
    public AwsTransport(
        HttpClient http, IAwsCredentialsProvider credentials, string region, EndpointResolver endpoints,
        RetryPolicy? retry = null, TimeProvider? time = null, Action<AwsRequestLog>? onRequest = null)
    {
        _onRequest = onRequest;
        _http = http;
        _credentials = credentials;
        Region = region;
        _endpoints = endpoints;
        _retry = retry ?? RetryPolicy.Default;
        _time = time ?? TimeProvider.System;
        _random = new Random();
    }

    public string Region { get; }

    public Uri EndpointFor(AwsService service) => _endpoints.Resolve(service);

    /// <summary>Returns the body of the successful response.</summary>
    public async Task<string> SendAsync(AwsCall call, CancellationToken cancellationToken)
    {
        var endpoint = _endpoints.Resolve(call.Service);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            using var request = BuildRequest(call, endpoint, credentials);
            var started = _time.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsNetworkFailure(e, cancellationToken))
            {
                _onRequest?.Invoke(new AwsRequestLog(call.Service.SigningName, call.Action, attempt, null, "NetworkError", null, _time.GetElapsedTime(started)));
                if (attempt >= _retry.MaxAttempts)
                    throw new AwsNetworkException($"{call.Service.SigningName} {call.Action} failed: could not reach {endpoint.Authority} ({e.Message})", e);
                await DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var elapsed = _time.GetElapsedTime(started);
                if (response.IsSuccessStatusCode)
                {
                    _onRequest?.Invoke(new AwsRequestLog(call.Service.SigningName, call.Action, attempt, (int)response.StatusCode, null,
                        Protocols.QueryProtocol.HeaderRequestId(response), elapsed));
                    return body;
                }
                var error = call.ParseError(response, body);
                _onRequest?.Invoke(new AwsRequestLog(call.Service.SigningName, call.Action, attempt, (int)response.StatusCode, error.Code, error.RequestId, elapsed));
                if (attempt < _retry.MaxAttempts && ClockSkew.Correct(error, response, _time.GetUtcNow(), ref _clockOffsetTicks))
                    continue;
                if (attempt < _retry.MaxAttempts && RetryPolicy.IsRetryable(error.Code, (int)response.StatusCode))
                {
                    await DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                throw new AwsServiceException(call.Service.SigningName, call.Action, error.Code, error.Message, error.RequestId, response.StatusCode);
            }
        }
    }

    private HttpRequestMessage BuildRequest(AwsCall call, Uri endpoint, AwsCredentials credentials)
    {
        var request = new HttpRequestMessage(call.Method, call.Path is null ? endpoint : new Uri(endpoint, call.Path)) { Content = new ByteArrayContent(call.Body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(call.ContentType);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (call.Target is not null)
            request.Headers.TryAddWithoutValidation("X-Amz-Target", call.Target);
        RequestSigner.Sign(request, call.Body, credentials, Region, call.Service.SigningName, _time.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _clockOffsetTicks)));
        return request;
    }

    private Task DelayAsync(int attempt, CancellationToken cancellationToken)
    {
        double random;
        lock (_random)
            random = _random.NextDouble();
        return Task.Delay(_retry.DelayBeforeRetry(attempt, random), _time, cancellationToken);
    }

    // HttpClient reports its own timeout as a TaskCanceledException whose token is not ours.
    private static bool IsNetworkFailure(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
