using ComposeEcs.Aws.Clients;
using ComposeEcs.Aws.Credentials;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>ECR and the tagging API through the real clients: what ECR accepts and what it refuses.</summary>
public sealed class EcrEmulatorTests : EmulatorTest
{
    private AwsContext Aws() => new(new AwsCredentials("AKIDEXAMPLE", "secret"), Server.Region, Server.Endpoint);

    [Fact]
    public async Task A_created_repository_is_described_tagged_and_has_its_lifecycle_policy()
    {
        using var aws = Aws();
        var created = await aws.Ecr.CreateRepositoryAsync("demo/api", [new EcrTag("com.docker.compose.project", "demo")], scanOnPush: true);
        await aws.Ecr.PutLifecyclePolicyAsync("demo/api", """{"rules":[{"rulePriority":1}]}""");

        Assert.Equal("123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/api", created.RepositoryUri);
        Assert.Equal(created, await aws.Ecr.FindRepositoryAsync("demo/api"));
        Assert.Null(await aws.Ecr.FindRepositoryAsync("demo/web"));
        Assert.Equal([new EcrTag("com.docker.compose.project", "demo")], await aws.Ecr.ListTagsForResourceAsync(created.RepositoryArn));
        var repository = Assert.Single(Server.Repositories);
        Assert.True(repository.ScanOnPush);
        Assert.NotNull(repository.LifecyclePolicy);
    }

    [Theory]
    [InlineData("Demo/API")]
    [InlineData("demo//api")]
    [InlineData("demo/api-")]
    [InlineData("a")]
    public async Task Names_outside_ecrs_pattern_are_refused(string name)
    {
        using var aws = Aws();
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Ecr.CreateRepositoryAsync(name, [], scanOnPush: true));
        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task Creating_an_existing_repository_is_refused()
    {
        using var aws = Aws();
        await aws.Ecr.CreateRepositoryAsync("demo/api", [], scanOnPush: false);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Ecr.CreateRepositoryAsync("demo/api", [], scanOnPush: false));
        Assert.Equal("RepositoryAlreadyExistsException", error.Code);
    }

    [Fact]
    public async Task A_repository_with_images_is_deleted_only_with_force()
    {
        using var aws = Aws();
        await aws.Ecr.CreateRepositoryAsync("demo/api", [], scanOnPush: false);
        Server.PushImage("demo/api", "build-1", "sha256:" + new string('a', 64));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Ecr.DeleteRepositoryAsync("demo/api", force: false));
        Assert.Equal("RepositoryNotEmptyException", error.Code);
        await aws.Ecr.DeleteRepositoryAsync("demo/api", force: true);
        Assert.Empty(Server.Repositories);
        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Ecr.DeleteRepositoryAsync("demo/api", force: true));
        Assert.Equal("RepositoryNotFoundException", missing.Code);
    }

    [Fact]
    public async Task Pushed_images_are_found_by_tag_and_listed_across_pages()
    {
        using var aws = Aws();
        await aws.Ecr.CreateRepositoryAsync("demo/api", [], scanOnPush: false);
        foreach (var i in Enumerable.Range(1, 3))
            Server.PushImage("demo/api", $"build-{i}", "sha256:" + new string((char)('a' + i), 64));

        var byTag = Assert.Single(await aws.Ecr.DescribeImagesAsync("demo/api", [new EcrImageId(Tag: "build-2")]));
        Assert.Equal("sha256:" + new string('c', 64), byTag.Digest);
        Assert.Empty(await aws.Ecr.DescribeImagesAsync("demo/api", [new EcrImageId(Tag: "build-9")]));
        Assert.Equal(3, (await aws.Ecr.DescribeImagesAsync("demo/api")).Count);
    }

    [Fact]
    public async Task The_authorization_token_is_aws_and_a_password_that_never_prints()
    {
        using var aws = Aws();
        var auth = await aws.Ecr.GetAuthorizationTokenAsync();

        Assert.Equal("AWS", auth.UserName);
        Assert.Equal(Assert.Single(Server.EcrPasswords), auth.Password);
        Assert.Equal("123456789012.dkr.ecr.us-east-1.amazonaws.com", auth.Registry);
        Assert.DoesNotContain(auth.Password, auth.ToString());
    }

    [Fact]
    public async Task File_systems_are_found_by_their_name_tag()
    {
        using var aws = Aws();
        Server.AddFileSystem("fs-0aaaabbbbccccdddd", "uploads");
        Server.AddFileSystem("fs-0bbbbccccddddeeee", "uploads");
        Server.AddFileSystem("fs-0ccccddddeeeeffff", "cache");

        var found = await aws.Tagging.GetResourcesAsync("elasticfilesystem:file-system", "Name", "uploads");

        Assert.Equal(["arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0aaaabbbbccccdddd",
            "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0bbbbccccddddeeee"], found.Select(r => r.Arn));
    }
}
