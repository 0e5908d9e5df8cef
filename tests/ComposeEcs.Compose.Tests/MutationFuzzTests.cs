namespace ComposeEcs.Compose.Tests;

/// <summary>
/// Feeds deterministic, seeded mutations of the golden cases (truncation, deleted/duplicated lines, random bytes,
/// shuffled indentation, stray YAML punctuation) to the loader: it must answer with diagnostics, never throw.
/// </summary>
public sealed class MutationFuzzTests
{
    private static readonly string[] Noise = ["{", "}", "[", "]", ":", "- ", "&a ", "*a", "<<: *a", "!reset ", "!!binary ", "${", "$", "\t", "\"", "'", "#", "? ", "|", ">", "%YAML 1.1", "---", "\0", "\u00e9", "~"];

    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 12));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_case_files_give_diagnostics_never_exceptions(int seed)
    {
        var random = new Random(seed);
        var sources = CaseFolder.Names()
            .Select(n => Path.Combine(CaseFolder.Get(n).Directory, "compose.yaml"))
            .Where(File.Exists)
            .Select(File.ReadAllText)
            .ToArray();
        var dir = Directory.CreateTempSubdirectory("compose-fuzz-");
        try
        {
            for (var i = 0; i < 30; i++)
            {
                var source = sources[random.Next(sources.Length)];
                var mutated = Mutate(source, random);
                File.WriteAllText(Path.Combine(dir.FullName, "compose.yaml"), mutated);
                var options = new LoadOptions
                {
                    WorkingDirectory = dir.FullName,
                    Environment = new Dictionary<string, string> { ["HOME"] = "/home/tester" },
                };
                var result = ComposeLoader.Load(options);
                Assert.True(result.Succeeded || result.Errors.Any(), $"seed {seed} #{i}: failed without an error");
                Assert.DoesNotContain(result.Errors, e => e.Message.StartsWith("internal error", StringComparison.Ordinal));
                if (result.Succeeded)
                {
                    Assert.NotNull(ProjectWriter.ToYaml(result.Value!));
                    Assert.NotNull(ProjectWriter.ToJson(result.Value!));
                }
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Alias_bomb_is_rejected_with_a_diagnostic()
    {
        var lines = new List<string> { "x-a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]" };
        for (var level = 1; level < 9; level++)
            lines.Add($"x-{(char)('a' + level)}: &{(char)('a' + level)} [{string.Join(", ", Enumerable.Repeat("*" + (char)('a' + level - 1), 9))}]");
        lines.Add("services: {web: {image: nginx}}");
        var dir = Directory.CreateTempSubdirectory("compose-bomb-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "compose.yaml"), string.Join("\n", lines));
            var result = ComposeLoader.Load(new LoadOptions { WorkingDirectory = dir.FullName });
            Assert.False(result.Succeeded);
            Assert.Contains(result.Errors, e => e.Message.Contains("too large", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("[", 5000)]
    [InlineData("{a: ", 5000)]
    [InlineData("- ", 3000)]
    public void Deep_nesting_is_an_error_not_a_stack_overflow(string opener, int depth)
    {
        var dir = Directory.CreateTempSubdirectory("compose-deep-");
        try
        {
            var text = "services:\n  web:\n    image: nginx\nx-deep: " + string.Concat(Enumerable.Repeat(opener, depth));
            if (opener == "- ") text = "x-deep:\n" + string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', i * 2) + "-\n"));
            File.WriteAllText(Path.Combine(dir.FullName, "compose.yaml"), text);
            var result = ComposeLoader.Load(new LoadOptions { WorkingDirectory = dir.FullName });
            Assert.False(result.Succeeded);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Mutate(string source, Random random)
    {
        var lines = source.Split('\n').ToList();
        var operations = random.Next(1, 4);
        for (var op = 0; op < operations && lines.Count > 0; op++)
        {
            var index = random.Next(lines.Count);
            switch (random.Next(7))
            {
                case 0: return string.Join('\n', lines)[..random.Next(Math.Max(1, string.Join('\n', lines).Length))];
                case 1: lines.RemoveAt(index); break;
                case 2: lines.Insert(index, lines[random.Next(lines.Count)]); break;
                case 3:
                    var line = lines[index];
                    var at = random.Next(line.Length + 1);
                    lines[index] = line[..at] + Noise[random.Next(Noise.Length)] + line[at..];
                    break;
                case 4: lines[index] = new string(' ', random.Next(8)) + lines[index].TrimStart(); break;
                case 5:
                    var bytes = new char[random.Next(1, 12)];
                    for (var b = 0; b < bytes.Length; b++) bytes[b] = (char)random.Next(1, 0x7f);
                    lines[index] += new string(bytes);
                    break;
                default:
                    (lines[index], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[index]);
                    break;
            }
        }
        return string.Join('\n', lines);
    }
}
