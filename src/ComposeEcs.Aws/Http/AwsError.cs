namespace ComposeEcs.Aws.Http;

/// <summary>An error as the service answered it, before we decide to retry or throw.</summary>
public sealed record AwsError(string Code, string Message, string? RequestId);

/// <summary>Turns a failed response (status, headers, body) into an <see cref="AwsError"/>; one per protocol.</summary>
public delegate AwsError ErrorParser(HttpResponseMessage response, string body);

/// <summary>One attempt as an observer sees it: no bodies, no headers, so nothing secret.</summary>
/// <param name="StatusCode">The HTTP status, or null when the endpoint could not be reached.</param>
/// <param name="ErrorCode">The AWS error code of a failed attempt.</param>
public sealed record AwsRequestLog(string Service, string Action, int Attempt, int? StatusCode, string? ErrorCode, string? RequestId, TimeSpan Elapsed);
