using System.Diagnostics;
using System.Reflection;
using ComposeEcs.TestSupport;

namespace ComposeEcs.Cli.Tests;

/// <summary>
/// <c>dotnet pack</c> makes an installable .NET tool: installed with <c>dotnet tool install --tool-path</c> from the pack
/// folder alone (a nuget.config that clears every other source, so no network), <c>compose-ecs --version</c> runs.
/// The pack reuses this test run's build (<c>--no-build</c>) to stay within seconds.
/// </summary>
public sealed class ToolPackageTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Dotnet_pack_makes_a_tool_that_installs_offline_and_runs_version()
    {
        var root = Path.GetDirectoryName(UpTestSupport.SamplesDirectory())!;
        var configuration = typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var work = Directory.CreateTempSubdirectory("compose-ecs-tool-").FullName;
        try
        {
            var packages = Path.Combine(work, "packages");
            var pack = await RunAsync(root, work, "dotnet", "pack", "src/ComposeEcs.Cli", "-c", configuration, "--no-build", "--no-restore", "-o", packages);
            Assert.True(pack.Exit == 0, pack.Output);
            Assert.Single(Directory.GetFiles(packages, "ComposeEcs.*.nupkg"));

            var config = Path.Combine(work, "nuget.config");
            await File.WriteAllTextAsync(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="pack" value="{packages}" />
                  </packageSources>
                </configuration>
                """);
            var tools = Path.Combine(work, "tools");
            var install = await RunAsync(work, work, "dotnet", "tool", "install", "ComposeEcs", "--tool-path", tools, "--configfile", config, "--prerelease");
            Assert.True(install.Exit == 0, install.Output);

            var version = await RunAsync(work, work, Path.Combine(tools, OperatingSystem.IsWindows() ? "compose-ecs.exe" : "compose-ecs"), "--version");
            Assert.True(version.Exit == 0, version.Output);
            Assert.Matches(@"^compose-ecs version \d+\.\d+\.\d+", version.Output);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string directory, string work, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        // Keep the machine's package cache and tool manifests out of it: the package comes from the pack folder only.
        start.Environment["NUGET_PACKAGES"] = Path.Combine(work, "nuget-cache");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var (exit, stdout, stderr) = await BoundedProcess.RunAsync(start, Bound, $"{file} {string.Join(' ', args)}");
        return (exit, stdout + stderr);
    }
}
