using ComposeEcs.Aws.Clients;
using ComposeEcs.Aws.Credentials;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>Every template the convert golden cases expect deploys, updates as a no-op and deletes cleanly in the emulator.</summary>
public sealed class GoldenTemplateTests : EmulatorTest
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        if (CasesFolder() is { } folder)
            foreach (var dir in Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, "template.yaml"))).Order())
                data.Add(Path.GetFileName(dir));
        if (data.Count == 0) data.Add("");
        return data;
    }

    private static string? CasesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "cases", "convert")))
                return Path.Combine(dir.FullName, "tests", "cases", "convert");
        return null;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Golden_template_deploys_and_deletes(string name)
    {
        if (name.Length == 0) return;
        var body = await File.ReadAllTextAsync(Path.Combine(CasesFolder()!, name, "template.yaml"));
        // A template over CloudFormation's inline limit goes by S3 URL, as up sends it.
        var template = System.Text.Encoding.UTF8.GetByteCount(body) <= 51_200 ? ("TemplateBody", body) : ("TemplateURL", await Upload(name, body));
        var validated = await Client.Ok("cloudformation", "ValidateTemplate", template);
        var parameters = validated.Members("Parameters").Where(p => p.Child("DefaultValue") is null).Select(p => p.Child("ParameterKey")!).ToList();
        var given = parameters.SelectMany((key, i) => new[]
        {
            ($"Parameters.member.{i + 1}.ParameterKey", key),
            ($"Parameters.member.{i + 1}.ParameterValue", key.Contains("Subnet") ? "subnet-0default1a,subnet-0default1b" : key.Contains("Vpc") ? "vpc-0default" : "value"),
        }).Append(("Capabilities.member.2", "CAPABILITY_NAMED_IAM")).ToArray();

        var stack = await Cfn.Deploy("golden", template, "CREATE", given);
        Assert.Equal("CREATE_COMPLETE", stack.Child("StackStatus"));
        Assert.DoesNotContain(stack.Members("Outputs"), o => o.Child("OutputValue")!.Contains("unresolved", StringComparison.Ordinal));

        var again = await Cfn.CreateChangeSet("golden", template, "UPDATE",
            parameters.SelectMany((key, i) => new[] { ($"Parameters.member.{i + 1}.ParameterKey", key), ($"Parameters.member.{i + 1}.UsePreviousValue", "true") })
                .Append(("Capabilities.member.2", "CAPABILITY_NAMED_IAM")).ToArray());
        Assert.Equal("FAILED", (await Cfn.WaitForChangeSet(again.Child("Id")!)).Child("Status"));

        await Client.Ok("cloudformation", "DeleteStack", ("StackName", "golden"));
        await Server.WaitForStackAsync("golden");
        Assert.Equal("DELETE_COMPLETE", Server.Stacks.First(s => s.StackName == "golden").Status);
    }

    private async Task<string> Upload(string name, string body)
    {
        using var aws = new AwsContext(new AwsCredentials("AK", "SK"), Server.Region, Server.Endpoint);
        using var bucket = new TemplateBucket(aws, Server.AccountId);
        return await bucket.UploadAsync($"templates/golden/{name}.yaml", body, CancellationToken.None);
    }
}
