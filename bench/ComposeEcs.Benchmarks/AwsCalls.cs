using System.Diagnostics;
using ComposeEcs.Aws.Credentials;
using ComposeEcs.Cli;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Benchmarks;

/// <summary>
/// One <c>up</c> of the generated N-service project (without the depends_on chain, so services start side by side)
/// against the loopback emulator, and the requests it made, counted by operation. Pages are AWS's usual 100 items. The
/// emulator runs on its scaled clock at 1/1000 (each resource takes its modeled time, a load balancer's 3 minutes are
/// 180 ms) and <c>up</c> polls every 5 ms, i.e. every 5 s of modeled time, the interval it backs off to on AWS: the
/// polling calls (DescribeStacks, DescribeStackEvents) are about those of a real deployment, shown apart from the
/// calls every <c>up</c> makes once.
/// </summary>
public static class AwsCalls
{
    private static readonly HashSet<string> Polling = new(StringComparer.Ordinal) { "DescribeStacks", "DescribeStackEvents" };

    public static async Task<int> RunAsync(int services)
    {
        var directory = Directory.CreateTempSubdirectory("compose-ecs-bench-up-").FullName;
        try
        {
            GeneratedProject.Write(directory, services, chain: false);
            await using var aws = await FakeAwsServer.StartAsync(new FakeAwsOptions { TimeScale = 0.001, PageSize = 100, Seed = 1 });
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AWS_ENDPOINT_URL"] = aws.Endpoint.ToString(),
                ["AWS_REGION"] = aws.Region,
                ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
                ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                ["AWS_CONFIG_FILE"] = Path.Combine(directory, "no-such-aws-config"),
                ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(directory, "no-such-aws-credentials"),
                ["HOME"] = directory,
                ["COMPOSE_ECS_POLL_INTERVAL"] = "5ms",
            };
            var error = new StringWriter();
            var clock = Stopwatch.StartNew();
            var exit = await CliApp.RunAsync(["up"], new CliContext(TextWriter.Null, error, environment, directory) { AwsSdkFallback = new NoSdkFallback() });
            clock.Stop();
            if (exit != 0)
            {
                Console.Error.WriteLine($"up exited {exit}:\n{error}");
                return exit;
            }

            var byOperation = aws.Requests.GroupBy(r => (r.Service, r.Action)).Select(g => (g.Key.Service, g.Key.Action, Count: g.Count()))
                .OrderBy(c => Polling.Contains(c.Action)).ThenByDescending(c => c.Count).ThenBy(c => c.Service, StringComparer.Ordinal).ThenBy(c => c.Action, StringComparer.Ordinal).ToList();
            var stacks = aws.Stacks.Count(s => s.StackName.StartsWith("generated", StringComparison.Ordinal));
            Console.WriteLine($"up of {services} services: exit {exit}, {clock.Elapsed.TotalSeconds:0.0} s against the emulator, {stacks} stacks (parent and children)");
            Console.WriteLine("| Service | Operation | Calls |\n|---|---|---:|");
            foreach (var (service, action, count) in byOperation)
                Console.WriteLine($"| {service} | {action}{(Polling.Contains(action) ? " (polling)" : "")} | {count} |");
            var polling = byOperation.Where(c => Polling.Contains(c.Action)).Sum(c => c.Count);
            Console.WriteLine($"| | **total** (once: {byOperation.Sum(c => c.Count) - polling}, polling: {polling}) | **{byOperation.Sum(c => c.Count)}** |");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
