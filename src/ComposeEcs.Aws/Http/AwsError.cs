namespace ComposeEcs.Aws.Http;

/// <summary>An error as the service answered it, before we decide to retry or throw.</summary>
public sealed record AwsError(string Code, string Message, string? RequestId);

/// <summary>Turns a failed response (status, headers, body) into an <see cref="AwsError"/>; one per protocol.</summary>
public delegate AwsError ErrorParser(HttpResponseMessage response, string body);
