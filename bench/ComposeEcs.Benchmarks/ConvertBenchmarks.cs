using BenchmarkDotNet.Attributes;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;
using ComposeEcs.Ecs;

namespace ComposeEcs.Benchmarks;

/// <summary>
/// The transform and the YAML writer on already loaded projects (loading is <see cref="LoaderBenchmarks"/>):
/// the typical 5-service app and a 1,000-service project.
/// </summary>
[MemoryDiagnoser]
public class ConvertBenchmarks
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "compose-ecs-bench-convert-" + Environment.ProcessId);
    private ComposeProject _large = null!;
    private ComposeProject _typical = null!;

    [GlobalSetup]
    public void Setup()
    {
        _large = Load(Path.Combine(_root, "large"), dir => GeneratedProject.Write(dir, 1000));
        _typical = Load(Path.Combine(_root, "typical"), GeneratedProject.WriteTypical);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public int Convert_1000_services_to_yaml() => ConvertToYaml(_large).Length;

    [Benchmark]
    public int Convert_typical_5_services_to_yaml() => ConvertToYaml(_typical).Length;

    private static string ConvertToYaml(ComposeProject project) =>
        TemplateWriter.ToYaml(ComposeTransform.Convert(project).Value!.ToTree());

    private static ComposeProject Load(string directory, Func<string, string> write)
    {
        write(directory);
        var loaded = ComposeLoader.Load(new LoadOptions
        {
            WorkingDirectory = directory,
            Environment = new Dictionary<string, string>(StringComparer.Ordinal),
        });
        var project = loaded.Value ?? throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
        var converted = ComposeTransform.Convert(project);
        if (!converted.Succeeded) throw new InvalidOperationException(string.Join("\n", converted.Diagnostics));
        return project;
    }
}
