namespace ComposeEcs.Cli;

/// <summary>Exit codes as <c>docker compose</c> users expect them.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The operation ran and failed (a stack rolled back, AWS refused).</summary>
    public const int Failed = 1;
    /// <summary>Bad input or usage: nothing was attempted.</summary>
    public const int BadInput = 2;
    /// <summary><c>up</c>/<c>down</c> stopped watching (throttling, lost connection): the stack operation goes on in AWS.</summary>
    public const int StoppedWatching = 3;
}
