using ComposeEcs.Aws.Clients;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Tests.Protocol;

public sealed class CloudFormationProtocolTests(DeployedDemo demo) : IClassFixture<DeployedDemo>
{
    private CloudFormationClient Cf => demo.Aws.CloudFormation;

    [Fact]
    public async Task Deployed_stack_reports_outputs_tags_and_masked_no_echo_parameters()
    {
        var stack = (await Cf.DescribeStacksAsync(DemoStack.Name)).Single();

        Assert.Equal("CREATE_COMPLETE", stack.StackStatus);
        Assert.StartsWith("arn:aws:cloudformation:us-east-1:123456789012:stack/demo/", stack.StackId, StringComparison.Ordinal);
        Assert.EndsWith(".us-east-1.elb.amazonaws.com", stack.Outputs.Single(o => o.Key == "LoadBalancerDns").Value, StringComparison.Ordinal);
        Assert.Equal("demo", stack.Outputs.Single(o => o.Key == "ClusterName").Value);
        Assert.Equal("****", stack.Parameters.Single(p => p.Key == "DbPassword").Value);
        Assert.Equal("nginx:1.27", stack.Parameters.Single(p => p.Key == "Image").Value);
        Assert.Contains(new StackTag("com.docker.compose.project", "demo"), stack.Tags);
    }

    [Fact]
    public async Task No_echo_parameter_values_reach_the_service_intact()
    {
        var secret = demo.Emulated.Server.Secrets.Single(s => s.Name == "demo/db-password");
        Assert.Equal(DemoStack.DbPassword, secret.SecretString);
    }

    [Fact]
    public async Task A_missing_stack_is_a_validation_error_and_FindStack_returns_null()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Cf.DescribeStacksAsync("nope"));
        Assert.Equal("ValidationError", error.Code);
        Assert.Contains("does not exist", error.ErrorMessage, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);

        Assert.Null(await Cf.FindStackAsync("nope"));
    }

    [Fact]
    public async Task Stack_events_are_read_page_by_page_newest_first()
    {
        var before = Count("DescribeStackEvents");

        var events = await Cf.DescribeStackEventsAsync(DemoStack.Name).CollectAsync();

        Assert.True(events.Count > 4);
        Assert.True(Count("DescribeStackEvents") - before >= events.Count / 2, "every page of two events is a request");
        Assert.Equal(("demo", "CREATE_COMPLETE"), (events[0].LogicalResourceId, events[0].ResourceStatus));
        Assert.Equal(("demo", "REVIEW_IN_PROGRESS"), (events[^1].LogicalResourceId, events[^1].ResourceStatus));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Timestamp >= p.Second.Timestamp));
        Assert.Contains(events, e => e.LogicalResourceId == "WebService" && e.ResourceType == "AWS::ECS::Service" && e.ResourceStatus == "CREATE_COMPLETE");
    }

    [Fact]
    public async Task Enumeration_stops_fetching_when_the_caller_stops()
    {
        var before = Count("DescribeStackEvents");
        await foreach (var _ in Cf.DescribeStackEventsAsync(DemoStack.Name))
            break;
        Assert.Equal(before + 1, Count("DescribeStackEvents"));
    }

    [Fact]
    public async Task Stack_resources_list_every_logical_id_with_its_physical_id()
    {
        var resources = await Cf.DescribeStackResourcesAsync(DemoStack.Name);

        Assert.Contains(resources, r => r.LogicalResourceId == "Cluster" && r.PhysicalResourceId == "demo" && r.ResourceStatus == "CREATE_COMPLETE");
        Assert.Contains(resources, r => r.LogicalResourceId == "WebService" && r.ResourceType == "AWS::ECS::Service");
        Assert.Equal(14, resources.Count);
    }

    [Fact]
    public async Task Get_template_returns_the_deployed_body()
    {
        var body = await Cf.GetTemplateAsync(DemoStack.Name);
        Assert.Contains("\"demo compose project\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_template_reports_parameters_and_needed_capabilities()
    {
        var result = await Cf.ValidateTemplateAsync(DemoStack.Template());

        Assert.Equal("demo compose project", result.Description);
        Assert.Contains(new TemplateParameter("DbPassword", null, true, null), result.Parameters);
        Assert.Contains(new TemplateParameter("Image", "nginx:latest", false, "web image"), result.Parameters);
        Assert.Equal(["CAPABILITY_IAM"], result.Capabilities);
        Assert.NotNull(result.CapabilitiesReason);
    }

    [Fact]
    public async Task Validate_template_errors_come_back_as_validation_errors()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Cf.ValidateTemplateAsync("""{"Resources": {"X": {"Type": "AWS::Nope::Thing"}}}"""));
        Assert.Equal("ValidationError", error.Code);
        Assert.Equal("cloudformation", error.Service);
        Assert.Equal("ValidateTemplate", error.Action);
    }

    private int Count(string action) => demo.Emulated.Server.Requests.Count(r => r.Action == action);
}
