using System.Net;
using System.Text.Json.Nodes;
using ComposeEcs.FakeAws;
using static ComposeEcs.Aws.Tests.Emulator.Templates;

namespace ComposeEcs.Aws.Tests.Emulator;

public sealed class CloudFormationValidationTests : EmulatorTest
{
    private Task<(HttpStatusCode Status, System.Xml.Linq.XElement Body)> CreateChangeSet(JsonObject template, params string[] capabilities) =>
        Client.Query("cloudformation", "CreateChangeSet",
            [("StackName", "demo"), ("ChangeSetName", "cs"), ("ChangeSetType", "CREATE"), ("TemplateBody", template.ToJsonString()),
             .. capabilities.Select((c, i) => ($"Capabilities.member.{i + 1}", c))]);

    [Fact]
    public async Task Unresolved_ref_is_rejected_with_the_template_format_error()
    {
        var template = Minimal(("Group", Resource("AWS::EC2::SecurityGroup", new JsonObject
        {
            ["GroupDescription"] = "g", ["VpcId"] = Ref("MissingVpc"),
        })));

        var (status, error) = await CreateChangeSet(template);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Sender", error.Value("Type"));
        Assert.Equal("ValidationError", error.Value("Code"));
        Assert.Equal("Template format error: Unresolved resource dependencies [MissingVpc] in the Resources block of the template", error.Value("Message"));
        Assert.Null(Server.Stack("demo"));
    }

    [Fact]
    public async Task GetAtt_to_an_undefined_resource_or_attribute_is_a_template_error()
    {
        var undefined = Minimal(("Service", Resource("AWS::ECS::Service", new JsonObject
        {
            ["Cluster"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray("Cluster", "Arn") },
        })));
        var badAttribute = Minimal(("Lb", Resource("AWS::ElasticLoadBalancingV2::LoadBalancer", [])),
            ("Group", Resource("AWS::EC2::SecurityGroup", new JsonObject { ["GroupDescription"] = new JsonObject { ["Fn::Sub"] = "${Lb.DnsName}" } })));

        var (_, first) = await Client.Query("cloudformation", "ValidateTemplate", ("TemplateBody", undefined.ToJsonString()));
        var (_, second) = await Client.Query("cloudformation", "ValidateTemplate", ("TemplateBody", badAttribute.ToJsonString()));

        Assert.Equal("Template error: instance of Fn::GetAtt references undefined resource Cluster", first.Value("Message"));
        Assert.Equal("Template error: resource Lb does not support attribute type DnsName in Fn::GetAtt", second.Value("Message"));
    }

    [Fact]
    public async Task DependsOn_an_undefined_resource_is_unresolved()
    {
        var template = Minimal(("Service", new JsonObject { ["Type"] = "AWS::ECS::Service", ["DependsOn"] = new JsonArray("Listener") }));

        var (_, error) = await Client.Query("cloudformation", "ValidateTemplate", ("TemplateBody", template.ToJsonString()));

        Assert.Equal("Template format error: Unresolved resource dependencies [Listener] in the Resources block of the template", error.Value("Message"));
    }

    [Fact]
    public async Task A_dependency_cycle_is_rejected_at_CreateChangeSet()
    {
        var template = Minimal(
            ("Web", new JsonObject { ["Type"] = "AWS::ECS::Cluster", ["DependsOn"] = new JsonArray("Db") }),
            ("Db", new JsonObject { ["Type"] = "AWS::ECS::Cluster", ["DependsOn"] = new JsonArray("Web") }));

        var (status, error) = await CreateChangeSet(template);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationError", error.Value("Code"));
        Assert.StartsWith("Circular dependency between resources: [", error.Value("Message"));
        Assert.Null(Server.Stack("demo"));
    }

    [Fact]
    public async Task Unknown_resource_type_is_rejected()
    {
        var template = Minimal(("Thing", Resource("AWS::Foo::Bar", [])), ("Cluster", Resource("AWS::ECS::Cluster", [])));

        var (status, error) = await CreateChangeSet(template);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Template format error: Unrecognized resource types: [AWS::Foo::Bar]", error.Value("Message"));
    }

    [Fact]
    public async Task Iam_resources_need_CAPABILITY_IAM_and_named_ones_CAPABILITY_NAMED_IAM()
    {
        var role = Minimal(("Role", Resource("AWS::IAM::Role", [])));
        var named = Minimal(("Role", Resource("AWS::IAM::Role", new JsonObject { ["RoleName"] = "fixed" })));

        var (status, error) = await CreateChangeSet(role);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("InsufficientCapabilities", "Requires capabilities : [CAPABILITY_IAM]"), (error.Value("Code"), error.Value("Message")));
        Assert.Equal("Requires capabilities : [CAPABILITY_NAMED_IAM]", (await CreateChangeSet(named, "CAPABILITY_IAM")).Body.Value("Message"));
        Assert.Equal(HttpStatusCode.OK, (await CreateChangeSet(named, "CAPABILITY_NAMED_IAM")).Status);
    }

    [Fact]
    public async Task ValidateTemplate_lists_parameters_and_required_capabilities()
    {
        var result = await Client.Ok("cloudformation", "ValidateTemplate", ("TemplateBody", App().ToJsonString()));

        var parameters = result.Members("Parameters").ToDictionary(p => p.Child("ParameterKey")!);
        Assert.Equal("true", parameters["DbPassword"].Child("NoEcho"));
        Assert.Equal("vpc-0default", parameters["VpcId"].Child("DefaultValue"));
        Assert.Equal("CAPABILITY_IAM", result.Members("Capabilities").Single().Value);
    }

    [Fact]
    public async Task Missing_parameter_values_and_unknown_parameters_are_rejected()
    {
        var (_, missing) = await CreateChangeSet(App(), "CAPABILITY_IAM");
        Assert.Equal("Parameters: [DbPassword] must have values", missing.Value("Message"));
        Assert.Null(Server.Stack("demo"));

        var (_, unknown) = await Client.Query("cloudformation", "CreateChangeSet", ("StackName", "demo"), ("ChangeSetName", "cs"),
            ("ChangeSetType", "CREATE"), ("TemplateBody", App().ToJsonString()), ("Capabilities.member.1", "CAPABILITY_IAM"),
            ("Parameters.member.1.ParameterKey", "Nope"), ("Parameters.member.1.ParameterValue", "x"));
        Assert.Equal("Parameters: [Nope] do not exist in the template", unknown.Value("Message"));
    }

    [Fact]
    public async Task Describing_a_missing_stack_or_change_set_is_an_error()
    {
        var (status, error) = await Client.Query("cloudformation", "DescribeStacks", ("StackName", "ghost"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("ValidationError", "Stack with id ghost does not exist"), (error.Value("Code"), error.Value("Message")));
        Assert.Equal("http://cloudformation.amazonaws.com/doc/2010-05-15/", error.Name.NamespaceName);

        var (csStatus, csError) = await Client.Query("cloudformation", "DescribeChangeSet", ("ChangeSetName", "nope"), ("StackName", "ghost"));
        Assert.Equal(HttpStatusCode.NotFound, csStatus);
        Assert.Equal("ChangeSetNotFound", csError.Value("Code"));
    }

    [Fact]
    public async Task Update_change_set_for_a_missing_stack_is_rejected()
    {
        var (_, error) = await Client.Query("cloudformation", "CreateChangeSet", ("StackName", "ghost"), ("ChangeSetName", "cs"),
            ("ChangeSetType", "UPDATE"), ("TemplateBody", Minimal(("C", Resource("AWS::ECS::Cluster", []))).ToJsonString()));

        Assert.Equal("Stack [ghost] does not exist", error.Value("Message"));
    }

    [Fact]
    public async Task Malformed_json_template_is_a_format_error()
    {
        var (_, error) = await Client.Query("cloudformation", "ValidateTemplate", ("TemplateBody", "{\"Resources\": {"));

        Assert.StartsWith("Template format error: JSON not well-formed.", error.Value("Message"));
    }

    [Fact]
    public async Task Template_bodies_above_51200_bytes_are_rejected()
    {
        var template = Minimal(("Cluster", Resource("AWS::ECS::Cluster", new JsonObject { ["Padding"] = new string('x', 52_000) })));

        var (status, error) = await CreateChangeSet(template);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Member must have length less than or equal to 51200", error.Value("Message"));
    }

    [Fact]
    public async Task Invalid_stack_names_are_rejected()
    {
        var (_, error) = await Client.Query("cloudformation", "CreateChangeSet", ("StackName", "my_app"), ("ChangeSetName", "cs"),
            ("ChangeSetType", "CREATE"), ("TemplateBody", Minimal(("C", Resource("AWS::ECS::Cluster", []))).ToJsonString()));

        Assert.Contains("Value 'my_app' at 'stackName' failed to satisfy constraint", error.Value("Message"));
    }

    [Fact]
    public async Task Change_set_cannot_be_executed_or_deleted_while_pending()
    {
        await using var slow = await FakeAwsServer.StartAsync(new FakeAwsOptions { ResourceDelay = TimeSpan.FromSeconds(5) });
        using var hold = slow.HoldChangeSets();
        using var client = new EmulatorClient(slow);
        var created = await client.Ok("cloudformation", "CreateChangeSet", ("StackName", "demo"), ("ChangeSetName", "cs"),
            ("ChangeSetType", "CREATE"), ("TemplateBody", Minimal(("C", Resource("AWS::ECS::Cluster", []))).ToJsonString()));

        var described = await client.Ok("cloudformation", "DescribeChangeSet", ("ChangeSetName", created.Child("Id")!));
        Assert.Contains(described.Child("Status"), new[] { "CREATE_PENDING", "CREATE_IN_PROGRESS" });
        Assert.Equal("UNAVAILABLE", described.Child("ExecutionStatus"));
        var (_, execute) = await client.Query("cloudformation", "ExecuteChangeSet", ("ChangeSetName", created.Child("Id")!));
        Assert.Equal("InvalidChangeSetStatus", execute.Value("Code"));
        var (_, delete) = await client.Query("cloudformation", "DeleteChangeSet", ("ChangeSetName", "cs"), ("StackName", "demo"));
        Assert.Equal("InvalidChangeSetStatus", delete.Value("Code"));
    }

    [Fact]
    public async Task Ssm_parameter_types_resolve_through_the_parameter_store()
    {
        const string path = "/aws/service/ecs/optimized-ami/amazon-linux-2/gpu/recommended/image_id";
        var template = new JsonObject
        {
            ["Parameters"] = new JsonObject { ["Ami"] = new JsonObject { ["Type"] = "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", ["Default"] = path } },
            ["Resources"] = new JsonObject
            {
                ["Launch"] = Resource("AWS::EC2::LaunchTemplate", new JsonObject
                {
                    ["LaunchTemplateData"] = new JsonObject { ["ImageId"] = Ref("Ami") },
                }),
            },
            ["Outputs"] = new JsonObject { ["Image"] = new JsonObject { ["Value"] = Ref("Ami") } },
        };

        var stack = await new StackDriver(Client).Deploy("gpu", template.ToJsonString());

        Assert.StartsWith("ami-", stack.Members("Outputs").Single().Child("OutputValue"));
        var parameter = stack.Members("Parameters").Single();
        Assert.Equal(path, parameter.Child("ParameterValue"));
        Assert.Equal(stack.Members("Outputs").Single().Child("OutputValue"), parameter.Child("ResolvedValue"));

        var (status, error) = await Client.Query("cloudformation", "CreateChangeSet", ("StackName", "gpu"), ("ChangeSetName", "value"),
            ("ChangeSetType", "UPDATE"), ("TemplateBody", template.ToJsonString()),
            ("Parameters.member.1.ParameterKey", "Ami"), ("Parameters.member.1.ParameterValue", "ami-0123456789"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Unable to fetch parameters [ami-0123456789] from parameter store for this account.", error.Value("Message"));
    }
}
