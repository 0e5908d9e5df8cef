namespace ComposeEcs.Deploy;

/// <summary>
/// How often the deploy stage polls AWS. Tests use a few milliseconds; real AWS starts at 1 s, when a small stack's
/// first resources finish, and backs off by half each round to 5 s for the minutes a load balancer or service takes.
/// </summary>
public sealed record DeployTimings(TimeSpan PollInterval)
{
    /// <summary>The longest wait between polls when backing off; null polls at <see cref="PollInterval"/> throughout.</summary>
    public TimeSpan? MaxPollInterval { get; init; }

    /// <summary>The wait after poll number <paramref name="round"/> (0 = the first).</summary>
    public TimeSpan Delay(int round) => MaxPollInterval is { } max
        ? TimeSpan.FromTicks(Math.Min(max.Ticks, (long)(PollInterval.Ticks * Math.Pow(1.5, Math.Min(round, 30)))))
        : PollInterval;

    public const string PollIntervalVariable = "COMPOSE_ECS_POLL_INTERVAL";

    public static DeployTimings Default { get; } = new(TimeSpan.FromSeconds(1)) { MaxPollInterval = TimeSpan.FromSeconds(5) };

    /// <summary>The default, or COMPOSE_ECS_POLL_INTERVAL (e.g. <c>50ms</c>) when set: emulators and tests want it fast.</summary>
    public static DeployTimings FromEnvironment(Func<string, string?> getVariable) =>
        getVariable(PollIntervalVariable) is { } text && Durations.ParseDuration(text) is { } interval && interval > TimeSpan.Zero
            ? new DeployTimings(interval)
            : Default;
}
