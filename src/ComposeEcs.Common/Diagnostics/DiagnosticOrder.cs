using System.Collections.Immutable;

namespace ComposeEcs;

/// <summary>The one order diagnostics are shown in, whichever stage produced them.</summary>
public static class DiagnosticOrder
{
    /// <summary>Project-level first (no position), then by file, line and column; stable otherwise.</summary>
    public static ImmutableArray<Diagnostic> InSourceOrder(this IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics
            .OrderBy(d => d.Location is null ? 0 : 1)
            .ThenBy(d => d.Location?.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location?.Line)
            .ThenBy(d => d.Location?.Column)];
}
