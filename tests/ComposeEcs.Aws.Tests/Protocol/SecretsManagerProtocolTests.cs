using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Aws.Tests.Protocol;

public sealed class SecretsManagerProtocolTests
{
    private const string Value = "{\"password\":\"s3cr3t-\\u00e9-value\"}";

    [Fact]
    public async Task Create_put_describe_and_delete_a_secret()
    {
        await using var e = await EmulatedAws.StartAsync();
        var sm = e.Aws.SecretsManager;

        var created = await sm.CreateSecretAsync(new CreateSecretRequest("demo/db", Value, "db password", [new SecretTag("com.docker.compose.project", "demo")]));
        var put = await sm.PutSecretValueAsync(created.Arn, "second-value");
        var described = await sm.DescribeSecretAsync("demo/db");
        var deleted = await sm.DeleteSecretAsync("demo/db", forceDeleteWithoutRecovery: true);

        Assert.Equal("demo/db", created.Name);
        Assert.StartsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:demo/db", created.Arn, StringComparison.Ordinal);
        Assert.Equal(created.Arn, put.Arn);
        Assert.NotEqual(created.VersionId, put.VersionId);
        Assert.Equal(("db password", created.Arn), (described.Description, described.Arn));
        Assert.Contains(new SecretTag("com.docker.compose.project", "demo"), described.Tags);
        Assert.Equal(created.Arn, deleted.Arn);
        Assert.DoesNotContain(e.Server.Secrets, s => s.Name == "demo/db" && s.DeletedDate is null);
    }

    [Fact]
    public async Task Secret_values_arrive_intact()
    {
        await using var e = await EmulatedAws.StartAsync();

        await e.Aws.SecretsManager.CreateSecretAsync(new CreateSecretRequest("demo/db", Value));

        Assert.Equal(Value, e.Server.Secrets.Single(s => s.Name == "demo/db").SecretString);
    }

    [Fact]
    public async Task List_secrets_follows_next_token_and_filters_by_name()
    {
        await using var e = await EmulatedAws.StartAsync();
        foreach (var name in new[] { "demo/a", "demo/b", "demo/c", "other/x" })
            await e.Aws.SecretsManager.CreateSecretAsync(new CreateSecretRequest(name, "v"));

        var all = await e.Aws.SecretsManager.ListSecretsAsync();
        var demo = await e.Aws.SecretsManager.ListSecretsAsync([new SecretFilter("name", ["demo/"])]);

        Assert.Equal(4, all.Count);
        Assert.Equal(["demo/a", "demo/b", "demo/c"], demo.Select(s => s.Name).Order());
        Assert.True(e.Server.Requests.Count(r => r.Action == "ListSecrets") >= 4);
    }

    [Fact]
    public async Task A_duplicate_secret_is_an_error_that_does_not_leak_the_value()
    {
        await using var e = await EmulatedAws.StartAsync();
        await e.Aws.SecretsManager.CreateSecretAsync(new CreateSecretRequest("demo/db", Value));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => e.Aws.SecretsManager.CreateSecretAsync(new CreateSecretRequest("demo/db", "another-s3cr3t")));

        Assert.Equal("ResourceExistsException", error.Code);
        Assert.DoesNotContain("another-s3cr3t", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describing_a_missing_secret_is_resource_not_found()
    {
        await using var e = await EmulatedAws.StartAsync();
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => e.Aws.SecretsManager.DescribeSecretAsync("nope"));
        Assert.Equal("ResourceNotFoundException", error.Code);
    }
}
