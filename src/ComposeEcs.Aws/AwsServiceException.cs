using System.Net;

namespace ComposeEcs.Aws;

/// <summary>An error answered by an AWS service (after retries, if it was retryable).</summary>
public sealed class AwsServiceException : AwsException
{
    public AwsServiceException(string service, string action, string code, string errorMessage, string? requestId, HttpStatusCode statusCode)
        : base(Format(service, action, code, errorMessage, requestId, statusCode))
    {
        Service = service;
        Action = action;
        Code = code;
        ErrorMessage = errorMessage;
        RequestId = requestId;
        StatusCode = statusCode;
    }

    /// <summary>The signing name of the service, e.g. <c>cloudformation</c>.</summary>
    public string Service { get; }

    public string Action { get; }

    /// <summary>The AWS error code, e.g. <c>ValidationError</c> or <c>ResourceNotFoundException</c>.</summary>
    public string Code { get; }

    /// <summary>The service's own message, without our prefix.</summary>
    public string ErrorMessage { get; }

    public string? RequestId { get; }

    public HttpStatusCode StatusCode { get; }

    private static string Format(string service, string action, string code, string message, string? requestId, HttpStatusCode status)
    {
        var text = string.IsNullOrEmpty(message) ? code : $"{code}: {message}";
        var id = requestId is null ? "" : $", request id {requestId}";
        return $"{service} {action} failed: {text} (HTTP {(int)status}{id})";
    }
}
