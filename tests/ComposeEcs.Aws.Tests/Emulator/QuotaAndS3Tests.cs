using System.Net;
using System.Text.Json.Nodes;
using ComposeEcs.Aws.Clients;
using ComposeEcs.Aws.Credentials;
using static ComposeEcs.Aws.Tests.Emulator.Templates;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>CloudFormation's quotas as the emulator enforces them, and the S3 bucket templates go through.</summary>
public sealed class QuotaAndS3Tests : EmulatorTest
{
    private AwsContext Aws() => new(new AwsCredentials("AK", "SK"), Server.Region, Server.Endpoint);

    private static JsonObject Groups(int count, int descriptionLength = 1) => Minimal([.. Enumerable.Range(1, count).Select(i =>
        ($"Group{i}", Resource("AWS::EC2::SecurityGroup", new JsonObject { ["GroupDescription"] = new string('g', descriptionLength) })))]);

    private Task<(HttpStatusCode Status, System.Xml.Linq.XElement Body)> CreateChangeSet(params (string, string)[] template) =>
        Client.Query("cloudformation", "CreateChangeSet", [("StackName", "demo"), ("ChangeSetName", "cs"), ("ChangeSetType", "CREATE"), .. template]);

    [Fact]
    public async Task A_template_body_over_51200_bytes_is_refused_like_cloudformation()
    {
        var (status, error) = await CreateChangeSet(("TemplateBody", Groups(30, 2000).ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("1 validation error detected: Value '", error.Value("Message"));
        Assert.EndsWith("at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to 51200", error.Value("Message"));
    }

    [Fact]
    public async Task The_same_template_by_s3_url_is_accepted()
    {
        using var aws = Aws();
        using var bucket = new TemplateBucket(aws, Server.AccountId);
        var url = await bucket.UploadAsync("templates/demo/a.json", Groups(30, 2000).ToJsonString(), CancellationToken.None);

        var (status, _) = await CreateChangeSet(("TemplateURL", url));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith(Server.Endpoint + "compose-ecs-123456789012-us-east-1/templates/demo/a.json", url);
    }

    [Fact]
    public async Task A_template_over_a_megabyte_by_url_is_refused()
    {
        using var aws = Aws();
        using var bucket = new TemplateBucket(aws, Server.AccountId);
        var url = await bucket.UploadAsync("templates/demo/big.json", Groups(600, 2000).ToJsonString(), CancellationToken.None);

        var (_, error) = await CreateChangeSet(("TemplateURL", url));

        Assert.Equal("Template may not exceed 1000000 bytes in size.", error.Value("Message"));
    }

    [Fact]
    public async Task More_than_500_resources_are_refused()
    {
        using var aws = Aws();
        using var bucket = new TemplateBucket(aws, Server.AccountId);
        var url = await bucket.UploadAsync("templates/demo/many.json", Groups(501).ToJsonString(), CancellationToken.None);

        var (_, error) = await CreateChangeSet(("TemplateURL", url));

        Assert.Equal("Template format error: Number of resources, 501, is greater than maximum allowed, 500", error.Value("Message"));
    }

    [Theory]
    [InlineData("Parameters", "Template format error: Parameter count 201 is greater than max allowed 200")]
    [InlineData("Outputs", "Template format error: Outputs count 201 is greater than max allowed 200")]
    public async Task More_than_200_parameters_or_outputs_are_refused(string section, string message)
    {
        var template = Minimal(("Group", Resource("AWS::EC2::SecurityGroup", new JsonObject { ["GroupDescription"] = "g" })));
        template[section] = new JsonObject(Enumerable.Range(1, 201).Select(i => KeyValuePair.Create($"P{i}", (JsonNode?)(section == "Parameters"
            ? new JsonObject { ["Type"] = "String", ["Default"] = "x" }
            : new JsonObject { ["Value"] = "x" }))));

        var (_, error) = await CreateChangeSet(("TemplateBody", template.ToJsonString()));

        Assert.Equal(message, error.Value("Message"));
    }

    [Fact]
    public async Task A_parameter_value_over_4096_bytes_is_refused()
    {
        var template = Minimal(("Group", Resource("AWS::EC2::SecurityGroup", new JsonObject { ["GroupDescription"] = Ref("Value") })));
        template["Parameters"] = new JsonObject { ["Value"] = new JsonObject { ["Type"] = "String", ["NoEcho"] = true } };

        var (_, error) = await CreateChangeSet(("TemplateBody", template.ToJsonString()),
            ("Parameters.member.1.ParameterKey", "Value"), ("Parameters.member.1.ParameterValue", new string('v', 4097)));

        Assert.Equal("Parameter 'Value' has a value of 4097 bytes; a parameter value may be at most 4096 bytes", error.Value("Message"));
        Assert.Equal("ValidationError", error.Value("Code"));
    }

    [Fact]
    public async Task The_bucket_is_created_once_encrypted_private_and_expiring_old_templates()
    {
        using var aws = Aws();
        using var bucket = new TemplateBucket(aws, Server.AccountId);

        await bucket.UploadAsync("templates/demo/1.json", "{}", CancellationToken.None);
        await bucket.UploadAsync("templates/demo/2.json", "{}", CancellationToken.None);

        var created = Assert.Single(Server.Buckets);
        Assert.Contains("<SSEAlgorithm>AES256</SSEAlgorithm>", created.Configuration["encryption"]);
        Assert.Contains("<BlockPublicPolicy>true</BlockPublicPolicy>", created.Configuration["publicAccessBlock"]);
        Assert.Contains("<Days>7</Days>", created.Configuration["lifecycle"]);
        Assert.Equal(2, created.Objects.Count);
        Assert.Single(Server.Requests, r => r.Action == "CreateBucket");
        Assert.All(Server.Requests.Where(r => r.Service == "s3"), r => Assert.Contains("/s3/aws4_request", r.Authorization));
    }

    [Fact]
    public async Task A_missing_template_object_is_an_s3_error()
    {
        var (_, error) = await CreateChangeSet(("TemplateURL", Server.Endpoint + "nobucket/x.json"));

        Assert.StartsWith("S3 error: Access Denied", error.Value("Message"));
    }
}
