namespace ComposeEcs.Aws;

/// <summary>Base of every error this library raises on purpose; the CLI can print <see cref="Exception.Message"/> as is.</summary>
public abstract class AwsException : Exception
{
    protected AwsException(string message) : base(message) { }

    protected AwsException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The endpoint could not be reached (DNS, connection, TLS, timeout) after every retry.</summary>
public sealed class AwsNetworkException : AwsException
{
    public AwsNetworkException(string message, Exception inner) : base(message, inner) { }
}
