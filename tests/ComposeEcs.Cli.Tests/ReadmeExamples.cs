using System.Text.RegularExpressions;

namespace ComposeEcs.Cli.Tests;

/// <summary>One command of a README example and the output the README shows for it.</summary>
internal sealed record ReadmeCommand(int Line, string Command, IReadOnlyList<string> Expected);

/// <summary>
/// The README's executable examples: fenced <c>```console</c> blocks whose first line starts with <c>$ </c>. Each
/// <c>$ </c> line is a shell command; the lines up to the next <c>$ </c> line are its output (stdout and stderr), where
/// a line <c>...</c> stands for any number of lines. Other blocks (<c>```sh</c>, <c>```text</c>, console blocks
/// without a leading <c>$ </c>) are instructions or illustrations and are not run.
/// </summary>
internal static partial class ReadmeExamples
{
    public static IReadOnlyList<IReadOnlyList<ReadmeCommand>> Blocks(string readme)
    {
        var lines = readme.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<IReadOnlyList<ReadmeCommand>>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```console" || i + 1 >= lines.Length || !lines[i + 1].StartsWith("$ ", StringComparison.Ordinal)) continue;
            var commands = new List<ReadmeCommand>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                if (lines[i].StartsWith("$ ", StringComparison.Ordinal)) commands.Add(new ReadmeCommand(i + 1, lines[i][2..], new List<string>()));
                else ((List<string>)commands[^1].Expected).Add(lines[i]);
            }
            blocks.Add(commands.Select(c => c with { Expected = TrimBlankEnd(c.Expected.SkipWhile(l => l.Trim().Length == 0)) }).ToList());
        }
        return blocks;
    }

    /// <summary>Whether the output matches what the README shows, modulo timestamps, ids, addresses, column padding and blank lines.</summary>
    public static bool Matches(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        // Blank lines do not count: tables print some of their own, and blocks separate commands with them.
        var want = expected.Select(Normalise).Where(l => l.Length > 0).ToList();
        var got = actual.Select(Normalise).Where(l => l.Length > 0).ToList();
        return Match(want, 0, got, 0);
    }

    private static bool Match(List<string> want, int w, List<string> got, int g)
    {
        if (w == want.Count) return g == got.Count;
        if (want[w] == "...")
        {
            for (var skip = g; skip <= got.Count; skip++)
                if (Match(want, w + 1, got, skip)) return true;
            return false;
        }
        return g < got.Count && want[w] == got[g] && Match(want, w + 1, got, g + 1);
    }

    public static string Normalise(string line)
    {
        line = IsoTime().Replace(line, "<time>");
        line = TableTime().Replace(line, "<time>");
        line = LoadBalancer().Replace(line, "<lb>.elb.amazonaws.com");
        line = FileSystem().Replace(line, "fs-<id>");
        line = TaskId().Replace(line, "<id>");
        line = Ip().Replace(line, "<ip>");
        line = Elapsed().Replace(line, "<elapsed>");
        return Spaces().Replace(line.Trim(), " ");
    }

    private static List<string> TrimBlankEnd(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        while (list.Count > 0 && list[^1].Trim().Length == 0) list.RemoveAt(list.Count - 1);
        return list;
    }

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC")]
    private static partial Regex TableTime();

    [GeneratedRegex(@"[a-z0-9-]+-LoadBalancer-[A-Za-z0-9]+-\d+\.[a-z0-9-]+\.elb\.amazonaws\.com")]
    private static partial Regex LoadBalancer();

    [GeneratedRegex(@"\bfs-[0-9a-f]{8,}\b")]
    private static partial Regex FileSystem();

    [GeneratedRegex(@"\b[0-9a-f]{32}\b")]
    private static partial Regex TaskId();

    [GeneratedRegex(@"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b")]
    private static partial Regex Ip();

    [GeneratedRegex(@"\b\d+(m\d\d|\.\d)s\b")]
    private static partial Regex Elapsed();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
