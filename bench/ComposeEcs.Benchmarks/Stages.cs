using System.Diagnostics;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Nesting;
using ComposeEcs.Compose;
using ComposeEcs.Deploy;
using ComposeEcs.Ecs;

namespace ComposeEcs.Benchmarks;

/// <summary>
/// Where one <c>convert -o DIR</c> spends its time: each stage's wall time, process CPU time and allocations, run
/// twice in one process (the first run includes JIT compilation, the second is warm). For finding what to optimise;
/// BenchmarkDotNet and <c>process-figures.sh</c> give the figures to quote.
/// </summary>
public static class Stages
{
    public static int Run(string directory)
    {
        for (var round = 1; round <= 2; round++)
        {
            Console.WriteLine($"round {round}:");
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes();
            void Lap(string stage)
            {
                var (nowCpu, nowAllocated) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes());
                Console.WriteLine($"  {stage,-22} {clock.ElapsedMilliseconds,6} ms wall {(nowCpu - cpu).TotalMilliseconds,6:0} ms CPU {(nowAllocated - allocated) / 1e6,6:0} MB allocated");
                (cpu, allocated) = (nowCpu, nowAllocated);
                clock.Restart();
            }

            var loaded = ComposeLoader.Load(new LoadOptions { WorkingDirectory = directory });
            Lap("load");
            if (loaded.Value is not { } project)
            {
                Console.WriteLine(string.Join("\n", loaded.Diagnostics.Take(3)));
                return 2;
            }
            _ = ProjectWriter.ToYaml(project);
            Lap("config YAML");
            var converted = ComposeTransform.Convert(project);
            Lap("transform");
            if (converted.Value is not { } template)
            {
                Console.WriteLine(string.Join("\n", converted.Diagnostics.Take(3)));
                return 2;
            }
            var tree = template.ToTree();
            Lap("template tree");
            _ = TemplateChecks.Run(tree);
            Lap("template checks");
            var json = TemplateWriter.ToCompactJson(tree);
            _ = TemplateLimits.Problems(tree, json).ToList();
            Lap("compact JSON, limits");
            var nested = StackSplit.IsNeeded(tree) ? StackSplit.Split(tree, "yaml") : null;
            Lap("nested stack split");
            if (nested is null) _ = TemplateWriter.ToYaml(tree);
            else foreach (var part in nested.Children.Select(c => c.Template).Prepend(nested.Parent)) _ = TemplateWriter.ToYaml(part);
            Lap("template YAML");
        }
        return 0;
    }
}
