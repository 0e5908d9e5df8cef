using System.Globalization;
using ComposeEcs.FakeAws;

// `dotnet run --project tests/ComposeEcs.FakeAws -- [--port N] [--resource-delay MS] [--time-scale F]`: the emulator as a program,
// printing the environment that points compose-ecs at it. Stops on Ctrl-C.
var port = 4566;
var delay = TimeSpan.FromMilliseconds(200);
double? scale = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 65535:
            port = p;
            i++;
            break;
        case "--resource-delay" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms):
            delay = TimeSpan.FromMilliseconds(ms);
            i++;
            break;
        case "--time-scale" when i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0:
            scale = f;
            i++;
            break;
        case "-h" or "--help":
            Console.WriteLine("Usage: ComposeEcs.FakeAws [--port N (default 4566, 0 = any free port)] [--resource-delay MS (default 200)]");
            Console.WriteLine("       [--time-scale F (each resource takes its modeled time times F, e.g. 0.05; replaces --resource-delay)]");
            return 0;
        default:
            Console.Error.WriteLine($"error: unknown argument '{args[i]}' (see --help)");
            return 2;
    }
}

await using var server = await FakeAwsServer.StartAsync(new FakeAwsOptions { Port = port, ResourceDelay = delay, TimeScale = scale, PageSize = 100 });
var endpoint = server.Endpoint.ToString().TrimEnd('/');
Console.WriteLine($"Fake AWS (CloudFormation, ECS, ELB, EC2, Logs, Secrets Manager, SSM, STS) on {endpoint}; Ctrl-C stops it. In another shell:");
Console.WriteLine($"export AWS_ENDPOINT_URL={endpoint} AWS_REGION={server.Region} AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test COMPOSE_ECS_POLL_INTERVAL=200ms");
Console.Out.Flush();

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
return 0;
