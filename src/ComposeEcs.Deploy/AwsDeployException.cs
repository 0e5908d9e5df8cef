namespace ComposeEcs.Deploy;

/// <summary>A deploy step failed in a way the user must act on; the message is one line, printable as is.</summary>
public sealed class AwsDeployException(string message) : Exception(message);
