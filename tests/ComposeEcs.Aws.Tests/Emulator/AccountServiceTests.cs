using System.Net;
using System.Text.Json.Nodes;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>Logs, EC2, Secrets Manager and SSM.</summary>
public sealed class AccountServiceTests : EmulatorTest
{
    [Fact]
    public async Task Logs_filter_events_by_stream_prefix_and_time_across_pages()
    {
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        Server.PutLogEvents("/docker-compose/demo", "demo/web/task1", (t0, "web 1"), (t0.AddSeconds(2), "web 2"), (t0.AddSeconds(4), "web 3"));
        Server.PutLogEvents("/docker-compose/demo", "demo/db/task2", (t0.AddSeconds(1), "db 1"));

        var all = await AllPages("logs", "FilterLogEvents", new JsonObject { ["logGroupName"] = "/docker-compose/demo" }, "events");
        Assert.Equal(["web 1", "db 1", "web 2", "web 3"], all);
        var web = await AllPages("logs", "FilterLogEvents", new JsonObject
        {
            ["logGroupName"] = "/docker-compose/demo", ["logStreamNamePrefix"] = "demo/web/", ["startTime"] = t0.AddSeconds(1).ToUnixTimeMilliseconds(),
        }, "events");
        Assert.Equal(["web 2", "web 3"], web);
        var db = await AllPages("logs", "FilterLogEvents", new JsonObject
        {
            ["logGroupName"] = "/docker-compose/demo", ["logStreamNames"] = new JsonArray("demo/db/task2"),
        }, "events");
        Assert.Equal(["db 1"], db);
    }

    [Fact]
    public async Task Logs_get_events_pages_forward_until_the_token_repeats()
    {
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-1);
        Server.PutLogEvents("g", "s", (t0, "a"), (t0.AddSeconds(1), "b"), (t0.AddSeconds(2), "c"));

        var messages = new List<string>();
        var request = new JsonObject { ["logGroupName"] = "g", ["logStreamName"] = "s", ["startFromHead"] = true };
        string? previous = null;
        while (true)
        {
            var page = await Client.JsonOk("logs", "GetLogEvents", (JsonObject)request.DeepClone());
            messages.AddRange(page["events"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()));
            var token = page["nextForwardToken"]!.GetValue<string>();
            if (token == previous) break;
            previous = token;
            request["nextToken"] = token;
        }
        Assert.Equal(["a", "b", "c"], messages);
    }

    [Fact]
    public async Task Logs_of_an_unknown_group_are_ResourceNotFound()
    {
        var (status, error, response) = await Client.Json("logs", "FilterLogEvents", new JsonObject { ["logGroupName"] = "nope" });
        response.Dispose();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ResourceNotFoundException", error["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ec2_has_a_default_vpc_with_three_default_subnets_paged()
    {
        var vpcs = await Client.Ok("ec2", "DescribeVpcs", ("Filter.1.Name", "isDefault"), ("Filter.1.Value.1", "true"));
        Assert.Equal("vpc-0default", vpcs.Find("vpcSet")!.Find("vpcId")!.Value);
        Assert.Equal("http://ec2.amazonaws.com/doc/2016-11-15/", vpcs.Name.NamespaceName);

        var subnets = new List<string>();
        string? token = null;
        do
        {
            var page = await Client.Ok("ec2", "DescribeSubnets",
                [("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", "vpc-0default"), ("Filter.2.Name", "default-for-az"), ("Filter.2.Value.1", "true"),
                 .. token is null ? Array.Empty<(string, string)>() : [("NextToken", token)]]);
            subnets.AddRange(page.All("item").Select(i => $"{i.Child("subnetId")} {i.Child("availabilityZone")}"));
            token = page.Child("nextToken");
        } while (token is not null);
        Assert.Equal(["subnet-0default1a us-east-1a", "subnet-0default1b us-east-1b", "subnet-0default1c us-east-1c"], subnets);
    }

    [Fact]
    public async Task Ec2_without_a_default_vpc_returns_nothing_and_errors_in_ec2_format()
    {
        await using var server = await FakeAwsServer.StartAsync(new FakeAwsOptions { HasDefaultVpc = false });
        using var client = new EmulatorClient(server);

        var vpcs = await client.Ok("ec2", "DescribeVpcs", ("Filter.1.Name", "isDefault"), ("Filter.1.Value.1", "true"));
        Assert.Empty(vpcs.Find("vpcSet")!.Elements());
        var (status, error) = await client.Query("ec2", "DescribeVpcs", ("VpcId.1", "vpc-0default"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Response", error.Name.LocalName);
        Assert.Equal("InvalidVpcID.NotFound", error.Find("Errors")!.Find("Error")!.Child("Code"));
    }

    [Fact]
    public async Task Ec2_describes_one_dns_attribute_of_a_vpc_per_call_and_refuses_unknown_vpcs()
    {
        await using var server = await FakeAwsServer.StartAsync(new FakeAwsOptions { OtherVpcs = [new("vpc-0nodns", EnableDnsSupport: true, EnableDnsHostnames: false)] });
        using var client = new EmulatorClient(server);

        var support = await client.Ok("ec2", "DescribeVpcAttribute", ("VpcId", "vpc-0nodns"), ("Attribute", "enableDnsSupport"));
        var hostnames = await client.Ok("ec2", "DescribeVpcAttribute", ("VpcId", "vpc-0nodns"), ("Attribute", "enableDnsHostnames"));
        var unknown = await client.Query("ec2", "DescribeVpcAttribute", ("VpcId", "vpc-0nothere"), ("Attribute", "enableDnsSupport"));
        var badAttribute = await client.Query("ec2", "DescribeVpcAttribute", ("VpcId", "vpc-0nodns"), ("Attribute", "dns"));

        Assert.Equal("true", support.Find("enableDnsSupport")!.Child("value"));
        Assert.Equal("false", hostnames.Find("enableDnsHostnames")!.Child("value"));
        Assert.Equal("InvalidVpcID.NotFound", unknown.Body.Find("Errors")!.Find("Error")!.Child("Code"));
        Assert.Equal("InvalidParameterValue", badAttribute.Body.Find("Errors")!.Find("Error")!.Child("Code"));
    }

    [Fact]
    public async Task Secrets_manager_creates_lists_and_deletes_secrets()
    {
        var created = await Client.JsonOk("secretsmanager", "CreateSecret", new JsonObject { ["Name"] = "demo/a", ["SecretString"] = "1" });
        Assert.StartsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:demo/a-", created["ARN"]!.GetValue<string>());
        var (dupStatus, dup, r1) = await Client.Json("secretsmanager", "CreateSecret", new JsonObject { ["Name"] = "demo/a", ["SecretString"] = "2" });
        r1.Dispose();
        Assert.Equal((HttpStatusCode.BadRequest, "ResourceExistsException"), (dupStatus, dup["__type"]!.GetValue<string>()));

        await Client.JsonOk("secretsmanager", "PutSecretValue", new JsonObject { ["SecretId"] = "demo/a", ["SecretString"] = "3" });
        await Client.JsonOk("secretsmanager", "CreateSecret", new JsonObject { ["Name"] = "demo/b", ["SecretString"] = "x" });
        await Client.JsonOk("secretsmanager", "CreateSecret", new JsonObject { ["Name"] = "demo/c", ["SecretString"] = "y" });
        Assert.Equal("3", Server.Secrets.Single(s => s.Name == "demo/a").SecretString);

        var first = await Client.JsonOk("secretsmanager", "ListSecrets", new JsonObject());
        Assert.Equal(2, first["SecretList"]!.AsArray().Count);
        var second = await Client.JsonOk("secretsmanager", "ListSecrets", new JsonObject { ["NextToken"] = first["NextToken"]!.GetValue<string>() });
        Assert.Single(second["SecretList"]!.AsArray());
        Assert.Null(second["NextToken"]);

        await Client.JsonOk("secretsmanager", "DeleteSecret", new JsonObject { ["SecretId"] = created["ARN"]!.GetValue<string>(), ["ForceDeleteWithoutRecovery"] = true });
        var (status, missing, r2) = await Client.Json("secretsmanager", "DescribeSecret", new JsonObject { ["SecretId"] = "demo/a" });
        r2.Dispose();
        Assert.Equal((HttpStatusCode.BadRequest, "ResourceNotFoundException"), (status, missing["__type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Ssm_knows_the_ecs_gpu_ami_parameter()
    {
        var result = await Client.JsonOk("ssm", "GetParameter", new JsonObject { ["Name"] = "/aws/service/ecs/optimized-ami/amazon-linux-2/gpu/recommended/image_id" });
        Assert.StartsWith("ami-", result["Parameter"]!["Value"]!.GetValue<string>());

        var (status, error, response) = await Client.Json("ssm", "GetParameter", new JsonObject { ["Name"] = "/nope" });
        response.Dispose();
        Assert.Equal((HttpStatusCode.BadRequest, "ParameterNotFound"), (status, error["__type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Secrets_are_filtered_by_tag_and_name_prefix()
    {
        var tags = new JsonArray(new JsonObject { ["Key"] = "com.docker.compose.project", ["Value"] = "demo" });
        await Client.JsonOk("secretsmanager", "CreateSecret", new JsonObject { ["Name"] = "demo/db", ["SecretString"] = "1", ["Tags"] = tags });
        await Client.JsonOk("secretsmanager", "CreateSecret", new JsonObject { ["Name"] = "other/db", ["SecretString"] = "2" });

        var byTag = await Client.JsonOk("secretsmanager", "ListSecrets", new JsonObject
        {
            ["Filters"] = new JsonArray(new JsonObject { ["Key"] = "tag-value", ["Values"] = new JsonArray("demo") }),
        });
        var byName = await Client.JsonOk("secretsmanager", "ListSecrets", new JsonObject
        {
            ["Filters"] = new JsonArray(new JsonObject { ["Key"] = "name", ["Values"] = new JsonArray("other/") }),
        });

        Assert.Equal("demo/db", byTag["SecretList"]!.AsArray().Single()!["Name"]!.GetValue<string>());
        Assert.Equal("other/db", byName["SecretList"]!.AsArray().Single()!["Name"]!.GetValue<string>());
    }
}
