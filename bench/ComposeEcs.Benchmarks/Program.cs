using System.Globalization;
using BenchmarkDotNet.Running;
using ComposeEcs.Benchmarks;

// Besides BenchmarkDotNet (no verb), the inputs and counts that bench/README.md's process-level figures come from:
//   generate DIR N     the N-service project of GeneratedProject in DIR
//   hostile DIR        the issue #14 reproducers, each grown to about 1 MB, one folder each
//   aws-calls N        one `up` of the N-service project against the emulator, requests counted by operation
//   stages DIR         where one convert of the project in DIR spends its time, stage by stage
return args switch
{
    ["generate", var dir, var n] => Print(GeneratedProject.Write(dir, int.Parse(n, CultureInfo.InvariantCulture))),
    ["hostile", var dir] => Print(string.Join('\n', HostileInputs.Write(dir))),
    ["stages", var dir] => Stages.Run(dir),
    ["aws-calls", var n] => await AwsCalls.RunAsync(int.Parse(n, CultureInfo.InvariantCulture)),
    _ => Run(args),
};

static int Print(string text)
{
    Console.WriteLine(text);
    return 0;
}

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(GeneratedProject).Assembly).Run(args);
    return 0;
}
