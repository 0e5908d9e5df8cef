using BenchmarkDotNet.Attributes;
using ComposeEcs.Compose;

namespace ComposeEcs.Benchmarks;

/// <summary>Loading (parse, interpolate, env_file, anchors, normalise, validate) a 1,000-service and a 5-service project.</summary>
[MemoryDiagnoser]
public class LoaderBenchmarks
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "compose-ecs-bench-loader-" + Environment.ProcessId);
    private LoadOptions _large = null!;
    private LoadOptions _typical = null!;

    [GlobalSetup]
    public void Setup()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var large = Path.Combine(_root, "large");
        var typical = Path.Combine(_root, "typical");
        GeneratedProject.Write(large, 1000);
        GeneratedProject.WriteTypical(typical);
        _large = new LoadOptions { WorkingDirectory = large, Environment = env };
        _typical = new LoadOptions { WorkingDirectory = typical, Environment = env };
        foreach (var options in new[] { _large, _typical })
        {
            var result = ComposeLoader.Load(options);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public int Load_1000_services() => ComposeLoader.Load(_large).Value!.Services.Count;

    [Benchmark]
    public int Load_typical_5_services() => ComposeLoader.Load(_typical).Value!.Services.Count;
}
