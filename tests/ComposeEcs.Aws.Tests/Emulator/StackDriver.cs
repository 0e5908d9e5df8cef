using System.Xml.Linq;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>Drives CloudFormation the way a deploy client does: change set, poll, execute, poll.</summary>
internal sealed class StackDriver(EmulatorClient client)
{
    private int _changeSets;

    public Task<XElement> CreateChangeSet(string stack, string template, string type, params (string Key, string Value)[] extra) =>
        CreateChangeSet(stack, ("TemplateBody", template), type, extra);

    /// <summary>A change set for a template given as <c>TemplateBody</c> or <c>TemplateURL</c>.</summary>
    public async Task<XElement> CreateChangeSet(string stack, (string Key, string Value) template, string type, params (string Key, string Value)[] extra)
    {
        var form = new List<(string, string)>
        {
            ("StackName", stack), ("ChangeSetName", $"cs-{++_changeSets}"), ("ChangeSetType", type), template,
            ("Capabilities.member.1", "CAPABILITY_IAM"),
        };
        form.AddRange(extra);
        return await client.Ok("cloudformation", "CreateChangeSet", form.ToArray());
    }

    /// <summary>Polls DescribeChangeSet until it leaves CREATE_PENDING / CREATE_IN_PROGRESS; returns the last answer.</summary>
    public async Task<XElement> WaitForChangeSet(string changeSetId)
    {
        for (var i = 0; i < 200; i++)
        {
            var result = await client.Ok("cloudformation", "DescribeChangeSet", ("ChangeSetName", changeSetId));
            if (result.Child("Status") is not ("CREATE_PENDING" or "CREATE_IN_PROGRESS")) return result;
            await Task.Delay(5);
        }
        throw new TimeoutException("change set never left CREATE_PENDING");
    }

    /// <summary>Polls DescribeStacks until the status no longer ends in _IN_PROGRESS; returns the stack member.</summary>
    public async Task<XElement> WaitForStack(string stack)
    {
        for (var i = 0; i < 1000; i++)
        {
            var result = await client.Ok("cloudformation", "DescribeStacks", ("StackName", stack));
            var member = result.Members("Stacks").Single();
            if (member.Child("StackStatus") is { } status && (!status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal) || status == "REVIEW_IN_PROGRESS"))
                return member;
            await Task.Delay(5);
        }
        throw new TimeoutException("stack operation never finished");
    }

    /// <summary>Change set, wait, execute, wait: the stack member after the operation.</summary>
    public Task<XElement> Deploy(string stack, string template, string type = "CREATE", params (string Key, string Value)[] extra) =>
        Deploy(stack, ("TemplateBody", template), type, extra);

    public async Task<XElement> Deploy(string stack, (string Key, string Value) template, string type = "CREATE", params (string Key, string Value)[] extra)
    {
        var created = await CreateChangeSet(stack, template, type, extra);
        var changeSet = await WaitForChangeSet(created.Child("Id")!);
        Assert.Equal("CREATE_COMPLETE", changeSet.Child("Status"));
        await client.Ok("cloudformation", "ExecuteChangeSet", ("ChangeSetName", created.Child("Id")!));
        return await WaitForStack(created.Child("StackId")!);
    }

    /// <summary>Every event following NextToken, newest first as DescribeStackEvents returns them.</summary>
    public async Task<List<XElement>> Events(string stack)
    {
        var events = new List<XElement>();
        string? token = null;
        do
        {
            var form = token is null ? new[] { ("StackName", stack) } : [("StackName", stack), ("NextToken", token)];
            var result = await client.Ok("cloudformation", "DescribeStackEvents", form);
            events.AddRange(result.Members("StackEvents"));
            token = result.Child("NextToken");
        } while (token is not null);
        return events;
    }

    /// <summary>(LogicalResourceId, ResourceStatus) oldest first.</summary>
    public async Task<List<(string Id, string Status, string? Reason)>> Timeline(string stack) =>
        (await Events(stack)).AsEnumerable().Reverse()
            .Select(e => (e.Child("LogicalResourceId")!, e.Child("ResourceStatus")!, e.Child("ResourceStatusReason")))
            .ToList();
}
