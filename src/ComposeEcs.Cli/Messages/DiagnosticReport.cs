using ComposeEcs.Compose;
using static System.FormattableString;

namespace ComposeEcs.Cli.Messages;

/// <summary>
/// Diagnostics as lines: <c>file:line:col: error CE1040: message</c>. Warnings of the same kind for several services (a
/// quarter of all messages on real files were <c>restart: ignored</c>) become one line naming the services, unless
/// <c>--verbose</c> asks for each. Without it a summary names at most <see cref="NamedServices"/> services and at most
/// <see cref="ShownLines"/> lines are printed: a hostile file can hold tens of thousands of errors, and the first ones
/// say what is wrong.
/// </summary>
public static class DiagnosticReport
{
    public const int ShownLines = 200;
    public const int NamedServices = 10;

    public static IEnumerable<string> Lines(IEnumerable<Diagnostic> diagnostics, bool verbose)
    {
        var lines = AllLines(diagnostics.ToList(), verbose).ToList();
        if (verbose || lines.Count <= ShownLines) return lines;
        return [.. lines.Take(ShownLines),
            Invariant($"note: {lines.Count - ShownLines:N0} more errors and warnings are not shown (--verbose shows each)")];
    }

    private static IEnumerable<string> AllLines(List<Diagnostic> list, bool verbose)
    {
        var groups = verbose ? [] : list
            .Where(d => d.Severity == Severity.Warning && ServicePrefix(d.Message) is not null)
            .GroupBy(d => d.Message[ServicePrefix(d.Message)!.Length..], StringComparer.Ordinal)
            .Where(g => g.Select(d => ServiceName(d.Message)).Distinct().Count() > 1)
            .ToDictionary(g => g.First(), g => g.ToList());
        var summarised = groups.Values.SelectMany(g => g.Skip(1)).ToHashSet();
        foreach (var d in list)
        {
            if (summarised.Contains(d)) continue;
            if (!groups.TryGetValue(d, out var group))
            {
                yield return Line(d);
                continue;
            }
            var names = group.Select(g => ServiceName(g.Message)).Distinct().ToList();
            var services = string.Join(", ", names.Take(NamedServices))
                + (names.Count > NamedServices ? Invariant($" and {names.Count - NamedServices:N0} more") : "");
            var kind = d.Message[ServicePrefix(d.Message)!.Length..];
            yield return Line(d with { Message = $"services {services}: {kind} (--verbose shows each)" });
        }
    }

    /// <summary>The diagnostic's one printed form (<see cref="Diagnostic.ToString"/>).</summary>
    public static string Line(Diagnostic d) => d.ToString();

    /// <summary><c>service "web": </c> at the start of a message, or null.</summary>
    private static string? ServicePrefix(string message)
    {
        if (!message.StartsWith("service \"", StringComparison.Ordinal)) return null;
        var end = message.IndexOf("\": ", 9, StringComparison.Ordinal);
        return end < 0 ? null : message[..(end + 3)];
    }

    private static string ServiceName(string message) => ServicePrefix(message)![9..^3];
}
