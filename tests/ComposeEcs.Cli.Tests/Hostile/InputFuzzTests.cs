using System.Text;

namespace ComposeEcs.Cli.Tests.Hostile;

/// <summary>
/// The mutation fuzzer of issue #14, standing: real compose files (samples, loader cases) mutated with fixed seeds by
/// byte flips, truncation, type swaps, alias chains, deep nesting, huge scalars and special files. Every case must end
/// with exit 0 or a positioned exit 2, within the time and allocation bounds, with no control character on the terminal.
/// </summary>
public sealed class InputFuzzTests : IDisposable
{
    private const int CasesPerSeed = 8;
    private readonly string _dir = Directory.CreateTempSubdirectory("compose-ecs-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 8));

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Any_mutation_ends_in_exit_0_or_a_positioned_exit_2_within_bounds(int seed)
    {
        var random = new Random(seed);
        var sources = Sources();
        if (!OperatingSystem.IsWindows())
            await System.Diagnostics.Process.Start("mkfifo", Path.Combine(_dir, "pipe")).WaitForExitAsync();
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var (operation, text) = Mutate(sources[random.Next(sources.Length)], random);
            File.WriteAllText(Path.Combine(_dir, "compose.yaml"), text);
            var label = $"seed {seed} case {i} ({operation})";
            var run = HostileRun.AssertBoundedAsync(_dir, label);
            var finished = await Task.WhenAny(run, Task.Delay(HostileRun.MaxElapsed * 2));
            Assert.True(finished == run, $"{label}: did not finish");
            await run;
        }
    }

    private static string[] Sources()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "ComposeEcs.slnx"))) root = root.Parent!;
        return [.. Directory.GetFiles(Path.Combine(root.FullName, "samples"), "compose.yaml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root.FullName, "tests", "cases", "loader"), "compose.yaml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)];
    }

    private static readonly string[] Swaps = ["[]", "{}", "[a, b]", "{x: 1}", "1", "-1", "true", "null", "~", "\"\"", "0x1F", "1e400", "!reset", "*nope", "&a"];
    private static readonly string[] SpecialFiles = ["/dev/zero", "/dev/urandom", "./pipe", "/proc/self/mem", ".", "/", "/nonexistent/x"];

    private static string WithEnvFile(List<string> lines, string file)
    {
        var image = lines.FindIndex(l => l.TrimStart().StartsWith("image:", StringComparison.Ordinal));
        if (image < 0) return string.Join('\n', lines) + "\n";
        var indent = lines[image][..(lines[image].Length - lines[image].TrimStart().Length)];
        lines.Insert(image + 1, indent + "env_file: " + file);
        return string.Join('\n', lines);
    }

    private static (string Operation, string Text) Mutate(string source, Random random)
    {
        var lines = source.Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (random.Next(7))
        {
            case 0:
                var chars = source.ToCharArray();
                for (var n = random.Next(1, 8); n > 0 && chars.Length > 0; n--)
                    chars[random.Next(chars.Length)] = random.Next(4) == 0 ? (char)random.Next(0, 0x20) : (char)random.Next(0x20, 0x250);
                return ("byte flips", new string(chars));
            case 1:
                return ("truncation", source[..random.Next(source.Length + 1)]);
            case 2:
                var colon = lines[line].IndexOf(": ", StringComparison.Ordinal);
                lines[line] = colon < 0 ? lines[line] + " " + Swaps[random.Next(Swaps.Length)] : lines[line][..(colon + 2)] + Swaps[random.Next(Swaps.Length)];
                return ("type swap", string.Join('\n', lines));
            case 3:
                var length = random.Next(20, 400);
                var chain = new StringBuilder("x-c0: &c0 [" + (random.Next(2) == 0 ? "x" : "\"${HOME}\"") + "]\n");
                for (var c = 1; c < length; c++)
                    chain.Append($"x-c{c}: &c{c} [{string.Join(", ", Enumerable.Repeat($"*c{c - 1}", random.Next(1, 4)))}]\n");
                return ("alias chain", chain + source);
            case 4:
                var depth = random.Next(50, 20_000);
                var nested = random.Next(2) == 0
                    ? "x-n: " + new string('[', depth) + new string(']', depth)
                    : "x-n: \"" + string.Concat(Enumerable.Repeat("${A:-", depth)) + "v" + new string('}', depth) + "\"";
                return ("nesting", source + "\n" + nested + "\n");
            case 5:
                var size = random.Next(10_000, 1_000_000);
                var scalar = new string((char)random.Next('a', 'z' + 1), size);
                if (random.Next(2) == 0) scalar = "$" + scalar + "\u001b[2J";
                lines.Insert(line, "x-huge: \"" + scalar.Replace("\u001b", "\\e") + "\"");
                return ("huge scalar", string.Join('\n', lines));
            default:
                var special = SpecialFiles[random.Next(SpecialFiles.Length)];
                return random.Next(3) switch
                {
                    0 => ("special env_file", WithEnvFile(lines, special)),
                    1 => ("special include", "include: [\"" + special + "\"]\n" + source),
                    _ => ("special extends", source.Replace("image:", $"extends: {{file: \"{special}\", service: x}}\n    image:", StringComparison.Ordinal)),
                };
        }
    }
}
