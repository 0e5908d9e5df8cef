namespace ComposeEcs.TestSupport;

/// <summary>
/// The credentials every emulator test signs with: AWS's own documentation example pair, so no real key is ever
/// in a test, and an environment that keeps the AWS chains off the real <c>~/.aws</c>.
/// </summary>
public static class FakeKeys
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-east-1";

    /// <summary>The environment of a CLI run against the emulator at <paramref name="endpoint"/>, with <paramref name="home"/> as HOME.</summary>
    public static Dictionary<string, string> Environment(Uri endpoint, string home) => new(StringComparer.Ordinal)
    {
        ["AWS_ENDPOINT_URL"] = endpoint.ToString(),
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_CONFIG_FILE"] = Path.Combine(home, "no-such-aws-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "no-such-aws-credentials"),
        ["HOME"] = home,
        ["COMPOSE_ECS_POLL_INTERVAL"] = "5ms",
    };
}
