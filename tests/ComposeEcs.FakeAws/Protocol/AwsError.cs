namespace ComposeEcs.FakeAws;

/// <summary>An AWS error answer; handlers throw it and the protocol layer renders it in the service's format.</summary>
internal sealed class AwsError(string code, string message, int status = 400, bool sender = true) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
    public bool Sender { get; } = sender;

    public static AwsError Validation(string message) => new("ValidationError", message);
}
