using System.Text;

namespace ComposeEcs.Benchmarks;

/// <summary>
/// The issue #14 reproducers grown to about 1 MB of input each (the size the bounds promise: any input up to 1 MB finishes
/// <c>config</c>/<c>convert</c> in under 2 s and 256 MB, or is refused at a position), plus inputs just inside each limit,
/// which must load rather than be refused. One folder per case with a <c>compose.yaml</c>.
/// </summary>
public static class HostileInputs
{
    private const int Megabyte = 1_000_000;
    private const string Web = "services:\n  web:\n    image: nginx\n";

    /// <returns>The folders written, one per case.</returns>
    public static IReadOnlyList<string> Write(string root)
    {
        var cases = new Dictionary<string, Action<string>>
        {
            ["interpolation-nested-1mb"] = d => Compose(d, Web + "    environment:\n      X: \"" + Repeat("${A:-", 160_000) + "x" + new string('}', 160_000) + "\"\n"),
            ["interpolation-31-deep-many-values"] = d => Compose(d, Web + "    environment:\n" + Lines(i => $"      V{i}: \"{Repeat("${A:-", 31)}x{new string('}', 31)}\"", 4_900)),
            ["alias-chain-deep"] = d => Compose(d, Lines(i => i == 0 ? "x-a0: &a0 [x]" : $"x-a{i}: &a{i} [*a{i - 1}]", 36_000) + Web),
            ["alias-fan-out"] = d => Compose(d, "x-a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + Lines(i => $"x-a{i + 1}: &a{i + 1} [{string.Join(", ", Enumerable.Repeat($"*a{i}", 10))}]", 9) + Web
                + "    environment:\n" + Lines(i => $"      V{i}: *a9", 15_000)),
            ["big-string-x1000"] = d => Compose(d, "x-big: &big \"" + new string('y', 900_000) + "\"\n" + Web + "    environment:\n" + Lines(i => $"      V{i}: *big", 1_000)),
            ["big-string-just-inside"] = d => Compose(d, "x-big: &big \"" + new string('y', 900_000) + "\"\n" + Web + "    environment:\n" + Lines(i => $"      V{i}: *big", 7)),
            ["include-twice-chain"] = d => IncludeChain(d, 22),
            ["include-fan-out"] = IncludeFanOut,
            ["port-range-every-port"] = d => Compose(d, Web + "    ports:\n" + Lines(_ => "      - \"1-65535:1-65535\"", 30_000)),
            ["port-ranges-at-the-limit"] = d => Compose(d, "services:\n" + Lines(s => $"  s{s}:\n    image: nginx\n    expose:\n" + Lines(r => $"      - \"{10_000 + r * 1_000}-{10_999 + r * 1_000}\"", 1), 10)),
            ["huge-bad-value"] = d => Compose(d, Web + "    ports: [\"" + new string('9', Megabyte) + "\"]\n"),
            ["many-variables-one-service"] = d => Compose(d, Web + "    environment:\n" + Lines(i => $"      VARIABLE_{i}: value-{i}", 30_000)),
            ["services-1000-with-env"] = d => GeneratedProject.Write(d, 1_000),
        };
        var written = new List<string>();
        foreach (var (name, write) in cases)
        {
            var directory = Path.Combine(root, name);
            Directory.CreateDirectory(directory);
            write(directory);
            written.Add(directory);
        }
        return written;
    }

    private static void Compose(string directory, string yaml) => File.WriteAllText(Path.Combine(directory, "compose.yaml"), yaml);

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static string Lines(Func<int, string> line, int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++) sb.Append(line(i)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Each file includes the next one twice: 2^n loads if every entry got a fresh loader.</summary>
    private static void IncludeChain(string directory, int files)
    {
        for (var i = 0; i < files; i++)
        {
            var body = $"services:\n  s{i}:\n    image: nginx\n";
            if (i < files - 1) body = $"include:\n  - inc{i + 1}.yaml\n  - inc{i + 1}.yaml\n" + body;
            File.WriteAllText(Path.Combine(directory, i == 0 ? "compose.yaml" : $"inc{i}.yaml"), body);
        }
    }

    /// <summary>A root file including 500 small files, each of which includes one shared file 20 times: about 1 MB in all.</summary>
    private static void IncludeFanOut(string directory)
    {
        File.WriteAllText(Path.Combine(directory, "shared.yaml"), "x-shared: &shared\n  LOG_LEVEL: info\n" + Lines(i => $"  VAR_{i}: value-{i}", 35_000));
        File.WriteAllText(Path.Combine(directory, "compose.yaml"), "include:\n" + Lines(i => $"  - part{i}.yaml", 500) + Web);
        for (var i = 0; i < 500; i++)
            File.WriteAllText(Path.Combine(directory, $"part{i}.yaml"), "include:\n" + Lines(_ => "  - shared.yaml", 20) + $"services:\n  s{i}:\n    image: nginx\n");
    }
}
