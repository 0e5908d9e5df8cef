namespace ComposeEcs.Compose.Bounds;

/// <summary>
/// The bounds that keep any input cheap: a compose project of up to 1 MB loads in well under 2 s and 256 MB, or is
/// refused at a position. The counts apply after YAML aliases are expanded, so a small file cannot describe a huge tree.
/// </summary>
public static class LoadLimits
{
    /// <summary>Largest file read (compose file, env file): far beyond any real one, small enough to hold in memory.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>YAML nodes of the whole project after alias expansion (a 1,000-service project has about 30,000).</summary>
    public const long MaxNodes = 200_000;

    /// <summary>Characters in scalars of the whole project after alias expansion.</summary>
    public const long MaxScalarChars = 8_000_000;

    /// <summary>Nesting of YAML collections after alias expansion; compose needs about ten.</summary>
    public const int MaxDepth = 100;

    /// <summary>Nesting of <c>${A:-${B:-...}}</c> in one value.</summary>
    public const int MaxInterpolationDepth = 32;

    /// <summary>Length of an <c>extends</c> chain.</summary>
    public const int MaxExtendsDepth = 64;

    /// <summary>Services of a project: far more than one deployment holds; decoding and converting stay well under a second.</summary>
    public const int MaxServices = 1_000;

    /// <summary>Ports one <c>ports</c>/<c>expose</c> range may expand to, and ports of the whole project.</summary>
    public const int MaxPortsPerRange = 1_000;
    public const int MaxPorts = 10_000;
}

/// <summary>What one load has spent of <see cref="LoadLimits"/>; shared by every file the load reads.</summary>
internal sealed class LoadBudget
{
    public long Nodes { get; private set; }
    public long ScalarChars { get; private set; }
    public int Ports { get; private set; }

    /// <summary>Charges nodes and characters; the reason when a limit is now exceeded, else null.</summary>
    public string? Spend(long nodes, long chars)
    {
        Nodes += nodes;
        ScalarChars += chars;
        if (Nodes > LoadLimits.MaxNodes) return $"document too large: more than {LoadLimits.MaxNodes:N0} YAML nodes after alias expansion";
        if (ScalarChars > LoadLimits.MaxScalarChars) return $"document too large: more than {LoadLimits.MaxScalarChars:N0} characters of values after alias expansion";
        return null;
    }

    public bool SpendPorts(int count)
    {
        Ports += count;
        return Ports <= LoadLimits.MaxPorts;
    }
}
