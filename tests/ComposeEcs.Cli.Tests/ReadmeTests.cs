using System.Diagnostics;
using System.Reflection;
using System.Text;
using ComposeEcs.TestSupport;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Cli.Tests;

/// <summary>
/// README examples cannot drift: every executable example (see <see cref="ReadmeExamples"/> and the README's
/// Development section) runs in bash, in README order, from the repository root, with <c>compose-ecs</c> on PATH and
/// the AWS commands pointed at a loopback emulator; its output must be what the README shows, modulo timestamps, ids,
/// addresses and column padding.
/// </summary>
public sealed class ReadmeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Fact]
    public void The_readme_parser_reads_commands_outputs_and_ellipses()
    {
        var blocks = ReadmeExamples.Blocks("""
            ```console
            $ compose-ecs ls -q
            shop

            $ echo $?
            0
            ```

            ```console
            [+] Creating shop 19/26
            ```

            ```sh
            $ compose-ecs up
            ```
            """);

        var block = Assert.Single(blocks);
        Assert.Equal(["compose-ecs ls -q", "echo $?"], block.Select(c => c.Command));
        Assert.Equal(["shop"], block[0].Expected);
        Assert.True(ReadmeExamples.Matches(["a", "...", "d"], ["a", "b", "c", "d"]));
        Assert.True(ReadmeExamples.Matches(["web  http://x-LoadBalancer-AB12-99.us-east-1.elb.amazonaws.com  2026-11-25T20:19:06.962Z"],
            ["web http://shop-LoadBalancer-ZZ9-1.us-east-1.elb.amazonaws.com 2027-01-01T00:00:00Z   "]));
        Assert.False(ReadmeExamples.Matches(["a", "...", "d"], ["a", "b"]));
    }

    [Fact]
    public async Task Every_readme_example_prints_what_the_readme_shows()
    {
        var root = Path.GetDirectoryName(UpTestSupport.SamplesDirectory())!;
        var blocks = ReadmeExamples.Blocks(await File.ReadAllTextAsync(Path.Combine(root, "README.md")));
        Assert.NotEmpty(blocks);
        await using var aws = await FakeAwsServer.StartAsync(new FakeAwsOptions { ResourceDelay = TimeSpan.FromMilliseconds(2) });
        var work = Directory.CreateTempSubdirectory("compose-ecs-readme-").FullName;
        try
        {
            var environment = Environment(aws, root, work);
            var directory = root;
            var failures = new StringBuilder();
            foreach (var block in blocks)
            {
                var (outputs, finalDirectory) = await RunBlockAsync(block, directory, environment);
                directory = finalDirectory;
                for (var i = 0; i < block.Count; i++)
                {
                    var actual = outputs.ElementAtOrDefault(i) ?? [];
                    if (!ReadmeExamples.Matches(block[i].Expected, actual))
                        failures.Append($"README.md:{block[i].Line}: $ {block[i].Command}\n--- README shows\n{string.Join('\n', block[i].Expected)}\n--- printed\n{string.Join('\n', actual)}\n--- compared as\n{string.Join('\n', actual.Select(ReadmeExamples.Normalise))}\n\n");
                }
            }
            Assert.True(failures.Length == 0, failures.ToString());
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The block as one bash script (so <c>cd</c> and <c>echo $?</c> work), each command's output split out by a marker line.</summary>
    private static async Task<(List<List<string>> Outputs, string Directory)> RunBlockAsync(
        IReadOnlyList<ReadmeCommand> block, string directory, IReadOnlyDictionary<string, string> environment)
    {
        const string Marker = "@@readme-command@@";
        var script = new StringBuilder("__status=0\n");
        foreach (var command in block)
            script.Append($"printf '\\n{Marker}\\n'; (exit $__status); {command.Command} 2>&1; __status=$?\n");
        script.Append($"printf '\\n{Marker}\\n'; pwd\n");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script.ToString());
        start.Environment.Clear();
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var (_, stdout, stderr) = await BoundedProcess.RunAsync(start, Bound, $"README block at line {block[0].Line}");
        var parts = stdout.ReplaceLineEndings("\n").Split($"\n{Marker}\n");
        var outputs = parts.Skip(1).Take(block.Count).Select(p => p.Split('\n').ToList()).ToList();
        var pwd = parts.Length > block.Count + 1 ? parts[block.Count + 1].Trim() : directory;
        Assert.True(stderr is "", $"bash: {stderr}");
        return (outputs, pwd.Length > 0 ? pwd : directory);
    }

    /// <summary>The emulator's endpoint and fake keys, no AWS config files, and <c>compose-ecs</c> (this build) first on PATH.</summary>
    private static Dictionary<string, string> Environment(FakeAwsServer aws, string root, string work)
    {
        var bin = Path.Combine(work, "bin");
        Directory.CreateDirectory(bin);
        var configuration = typeof(ReadmeTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(root, "src", "ComposeEcs.Cli", "bin", configuration, "net10.0", "compose-ecs.dll");
        var wrapper = Path.Combine(bin, "compose-ecs");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{dll}' \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = bin + ":" + (System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin"),
            ["HOME"] = work,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["AWS_ENDPOINT_URL"] = aws.Endpoint.ToString().TrimEnd('/'),
            ["AWS_REGION"] = aws.Region,
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["AWS_CONFIG_FILE"] = Path.Combine(work, "no-aws-config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(work, "no-aws-credentials"),
            ["COMPOSE_ECS_POLL_INTERVAL"] = "20ms",
        };
        foreach (var name in new[] { "DOTNET_ROOT", "DOTNET_HOST_PATH" })
            if (System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value) environment[name] = value;
        return environment;
    }
}
