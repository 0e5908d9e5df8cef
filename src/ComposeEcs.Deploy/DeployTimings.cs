namespace ComposeEcs.Deploy;

/// <summary>How often the deploy stage polls AWS. Tests use a few milliseconds; real AWS a few seconds.</summary>
public sealed record DeployTimings(TimeSpan PollInterval)
{
    public const string PollIntervalVariable = "COMPOSE_ECS_POLL_INTERVAL";

    public static DeployTimings Default { get; } = new(TimeSpan.FromSeconds(3));

    /// <summary>The default, or COMPOSE_ECS_POLL_INTERVAL (e.g. <c>50ms</c>) when set: emulators and tests want it fast.</summary>
    public static DeployTimings FromEnvironment(Func<string, string?> getVariable) =>
        getVariable(PollIntervalVariable) is { } text && Durations.ParseDuration(text) is { } interval && interval > TimeSpan.Zero
            ? new DeployTimings(interval)
            : Default;
}
