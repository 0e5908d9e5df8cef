namespace ComposeEcs.Aws;

/// <summary>
/// The AWS configuration (region, credentials, profile, endpoint) is missing or unusable.
/// The message is one line meant for the user; it never carries secrets or stack traces.
/// </summary>
public sealed class AwsConfigurationException : AwsException
{
    public AwsConfigurationException(string message) : base(message) { }

    public AwsConfigurationException(string message, Exception inner) : base(message, inner) { }
}
