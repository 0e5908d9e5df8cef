using System.Text.Json.Nodes;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>A fresh emulator per test with a raw client and a CloudFormation driver.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected FakeAwsServer Server { get; private set; } = null!;
    internal EmulatorClient Client { get; private set; } = null!;
    internal StackDriver Cfn { get; private set; } = null!;

    protected virtual FakeAwsOptions Options => new() { ResourceDelay = TimeSpan.FromMilliseconds(2) };

    public async Task InitializeAsync()
    {
        Server = await FakeAwsServer.StartAsync(Options);
        Client = new EmulatorClient(Server);
        Cfn = new StackDriver(Client);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    internal static readonly (string, string)[] Password = [("Parameters.member.1.ParameterKey", "DbPassword"), ("Parameters.member.1.ParameterValue", "s3cret")];

    internal static readonly (string, string)[] PreviousPassword = [("Parameters.member.1.ParameterKey", "DbPassword"), ("Parameters.member.1.UsePreviousValue", "true")];

    internal Task DeployApp(int desiredCount = 3) => Cfn.Deploy("demo", Templates.App(desiredCount).ToJsonString(), "CREATE",
        ("Parameters.member.1.ParameterKey", "DbPassword"), ("Parameters.member.1.ParameterValue", "pw"));

    internal async Task<List<string>> AllPages(string service, string action, JsonObject request, string list)
    {
        var items = new List<string>();
        while (true)
        {
            var page = await Client.JsonOk(service, action, (JsonObject)request.DeepClone());
            items.AddRange(page[list]!.AsArray().Select(x => x is JsonObject o ? o["message"]!.GetValue<string>() : x!.GetValue<string>()));
            if (page["nextToken"]?.GetValue<string>() is not { } token) return items;
            request["nextToken"] = token;
        }
    }
}
