using System.Diagnostics;
using System.Text.RegularExpressions;
using ComposeEcs.Aws.Credentials;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Bounds;
using ComposeEcs.Ecs;

namespace ComposeEcs.Cli.Tests.Hostile;

/// <summary>Runs <c>config</c>/<c>convert</c> on a folder and checks what any input must get: exit 0 or a positioned exit 2, bounded.</summary>
internal static partial class HostileRun
{
    /// <summary>Generous on purpose (Debug build, busy machine): the reproducers took gigabytes before the bounds; bench/ holds the real targets.</summary>
    public const long MaxAllocatedBytes = 400L * 1024 * 1024;
    public static readonly TimeSpan MaxElapsed = TimeSpan.FromSeconds(30);

    public sealed record Outcome(string Command, int Exit, string Out, string Error, TimeSpan Elapsed);

    public static async Task<Outcome> CliAsync(string directory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var clock = Stopwatch.StartNew();
        var exit = await CliApp.RunAsync(args, new CliContext(output, error, new Dictionary<string, string> { ["HOME"] = "/home/tester" }, directory)
        {
            AwsSdkFallback = new NoSdkFallback(),
        });
        return new Outcome(string.Join(' ', args), exit, output.ToString(), error.ToString(), clock.Elapsed);
    }

    /// <summary>Bytes allocated by what <c>convert</c> does (load, transform, write), on this thread only, so other tests do not count.</summary>
    public static long AllocatedByConvert(string directory, params string[] files)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var loaded = ComposeLoader.Load(new LoadOptions { WorkingDirectory = directory, Files = [.. files] });
        _ = loaded.Diagnostics.Select(d => d.ToString()).ToList();
        if (loaded.Succeeded && loaded.Value is { } project)
        {
            _ = ProjectWriter.ToYaml(project);
            var converted = ComposeTransform.Convert(project);
            if (converted.Succeeded && converted.Value is { } template) _ = TemplateWriter.ToYaml(template.ToTree());
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Runs both commands and asserts the contract; returns the outcomes for more specific checks.</summary>
    public static async Task<(Outcome Config, Outcome Convert)> AssertBoundedAsync(string directory, string label, params string[] fileArgs)
    {
        var config = await CliAsync(directory, ["config", .. fileArgs]);
        var convert = await CliAsync(directory, ["convert", .. fileArgs]);
        foreach (var run in new[] { config, convert }) AssertContract(run, label);
        var files = fileArgs.Where((_, i) => i % 2 == 1).ToArray();
        var allocated = AllocatedByConvert(directory, files);
        Assert.True(allocated < MaxAllocatedBytes, $"{label}: allocated {allocated:N0} bytes");
        return (config, convert);
    }

    public static void AssertContract(Outcome run, string label)
    {
        var what = $"{label}: {run.Command} exit {run.Exit}: {Head(run.Error)}";
        Assert.True(run.Exit is 0 or 2, what);
        Assert.True(run.Elapsed < MaxElapsed, $"{what} took {run.Elapsed}");
        Assert.DoesNotContain("internal error", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        Assert.False(run.Error.Any(c => c != '\n' && MessageText.NeedsEscape(c)), $"{what}: control character on stderr");
        Assert.False(run.Out.Any(c => c is not ('\n' or '\t') && MessageText.NeedsEscape(c)), $"{what}: control character on stdout");
        foreach (var line in run.Error.Split('\n'))
            Assert.True(line.Length <= MessageText.MaxMessageLength + 200, $"{label}: {run.Command}: a {line.Length:N0}-character line");
        if (run.Exit == 2)
            Assert.True(run.Error.Split('\n').Any(l => Positioned().IsMatch(l) || l.Contains("cannot read ", StringComparison.Ordinal)), $"{what}: no position");
    }

    private static string Head(string text) => text.Length > 400 ? text[..400] : text;

    [GeneratedRegex(@"^[^\s:]+(\.[a-z]+)?:\d+:\d+: ")]
    private static partial Regex Positioned();
}
