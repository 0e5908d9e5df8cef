using System.Text.Json.Nodes;
using ComposeEcs.Aws.Clients;
using ComposeEcs.Aws.Credentials;
using static ComposeEcs.Aws.Tests.Emulator.Templates;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>Stack tags reach nested stacks as in CloudFormation; ECS refuses a task definition over 64 KiB.</summary>
public sealed class NestedTagsAndEcsQuotaTests : EmulatorTest
{
    private static readonly JsonObject Child = Minimal(("Group", Resource("AWS::EC2::SecurityGroup", new JsonObject { ["GroupDescription"] = "child" })));

    private async Task<string> ParentTemplate()
    {
        using var aws = new AwsContext(new AwsCredentials("AK", "SK"), Server.Region, Server.Endpoint);
        using var bucket = new TemplateBucket(aws, Server.AccountId);
        var url = await bucket.UploadAsync("templates/shop/child.json", Child.ToJsonString(), CancellationToken.None);
        return Minimal(("Services", Resource("AWS::CloudFormation::Stack", new JsonObject { ["TemplateURL"] = url }))).ToJsonString();
    }

    private static (string, string)[] Tags(params (string Key, string Value)[] tags) =>
        [.. tags.SelectMany((t, i) => new[] { ($"Tags.member.{i + 1}.Key", t.Key), ($"Tags.member.{i + 1}.Value", t.Value) })];

    [Fact]
    public async Task A_nested_stack_carries_the_parents_tags()
    {
        await Cfn.Deploy("shop", await ParentTemplate(), "CREATE", Tags(("com.docker.compose.project", "shop"), ("team", "a")));

        var child = Server.Stacks.Single(s => s.StackName.StartsWith("shop-Services-", StringComparison.Ordinal));
        Assert.Equal("CREATE_COMPLETE", child.Status);
        Assert.Equal(new Dictionary<string, string> { ["com.docker.compose.project"] = "shop", ["team"] = "a" }, child.Tags);
    }

    private static string TaskDefinition(int environmentBytes) => Minimal(("WebTaskDefinition", Resource("AWS::ECS::TaskDefinition", new JsonObject
    {
        ["Family"] = "shop-web",
        ["ContainerDefinitions"] = new JsonArray(new JsonObject
        {
            ["Name"] = "web", ["Image"] = "nginx",
            ["Environment"] = new JsonArray(new JsonObject { ["Name"] = "BIG", ["Value"] = new string('x', environmentBytes) }),
        }),
    }))).ToJsonString();

    /// <summary>Create, wait, execute, wait, with the template through S3 (it is over the 51,200-byte TemplateBody limit).</summary>
    private async Task<System.Xml.Linq.XElement> DeployByUrl(string template)
    {
        using var aws = new AwsContext(new AwsCredentials("AK", "SK"), Server.Region, Server.Endpoint);
        using var bucket = new TemplateBucket(aws, Server.AccountId);
        var url = await bucket.UploadAsync("templates/shop/td.json", template, CancellationToken.None);
        var created = await Client.Ok("cloudformation", "CreateChangeSet",
            ("StackName", "shop"), ("ChangeSetName", "cs-1"), ("ChangeSetType", "CREATE"), ("TemplateURL", url));
        Assert.Equal("CREATE_COMPLETE", (await Cfn.WaitForChangeSet(created.Child("Id")!)).Child("Status"));
        await Client.Ok("cloudformation", "ExecuteChangeSet", ("ChangeSetName", created.Child("Id")!));
        return await Cfn.WaitForStack(created.Child("StackId")!);
    }

    [Fact]
    public async Task A_task_definition_over_64_KiB_fails_with_ecs_error_and_rolls_back()
    {
        var stack = await DeployByUrl(TaskDefinition(66_000));

        Assert.Equal("ROLLBACK_COMPLETE", stack.Child("StackStatus"));
        var failed = Assert.Single(Server.Stack("shop")!.Events, e => e.ResourceStatus == "CREATE_FAILED");
        Assert.Equal("WebTaskDefinition", failed.LogicalResourceId);
        Assert.Matches(@"^Resource handler returned message: ""Actual length: '66\d\d\d'\. Max allowed length is '65536' bytes\. \(Service: Ecs, Status Code: 400, Error Code: ClientException\)""",
            failed.ResourceStatusReason);
    }

    [Fact]
    public async Task A_task_definition_just_under_64_KiB_is_registered()
    {
        var stack = await DeployByUrl(TaskDefinition(65_000));

        Assert.Equal("CREATE_COMPLETE", stack.Child("StackStatus"));
    }
}
