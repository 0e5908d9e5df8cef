using System.Net;
using ComposeEcs.Aws.Http;

namespace ComposeEcs.Aws.Tests.Protocol;

/// <summary>Throttling, server errors, cancellation and signing as the emulator sees them.</summary>
public sealed class FaultProtocolTests
{
    [Fact]
    public async Task Query_throttling_is_retried_then_succeeds()
    {
        await using var e = await EmulatedAws.StartAsync();
        e.Server.ThrottleNext("GetCallerIdentity", 2);

        var identity = await e.Aws.Sts.GetCallerIdentityAsync();

        Assert.Equal("123456789012", identity.Account);
        Assert.Equal(3, e.Server.Requests.Count(r => r.Action == "GetCallerIdentity"));
    }

    [Fact]
    public async Task Json_throttling_is_retried_then_succeeds()
    {
        await using var e = await EmulatedAws.StartAsync();
        await e.Aws.SecretsManager.CreateSecretAsync(new Clients.CreateSecretRequest("a", "v"));
        e.Server.ThrottleNext("ListSecrets", 3);

        var secrets = await e.Aws.SecretsManager.ListSecretsAsync();

        Assert.Single(secrets);
        Assert.Equal(4, e.Server.Requests.Count(r => r.Action == "ListSecrets"));
    }

    [Fact]
    public async Task Server_errors_are_retried_then_succeed()
    {
        await using var e = await EmulatedAws.StartAsync();
        e.Server.FailNextWithServerError("DescribeVpcs", 2);

        var vpc = await e.Aws.Ec2.FindDefaultVpcAsync();

        Assert.Equal("vpc-0default", vpc!.VpcId);
        Assert.Equal(3, e.Server.Requests.Count(r => r.Action == "DescribeVpcs"));
    }

    [Fact]
    public async Task Persistent_throttling_surfaces_as_a_throttling_error_after_the_last_attempt()
    {
        await using var e = await EmulatedAws.StartAsync();
        e.Server.ThrottleNext("DescribeClusters", 10);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => e.Aws.Ecs.DescribeClustersAsync(["demo"]));

        Assert.Equal("ThrottlingException", error.Code);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(EmulatedAws.FastRetry.MaxAttempts, e.Server.Requests.Count(r => r.Action == "DescribeClusters"));
    }

    [Fact]
    public async Task Persistent_server_errors_surface_as_internal_failure()
    {
        await using var e = await EmulatedAws.StartAsync();
        e.Server.FailNextWithServerError("DescribeStacks", 10);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => e.Aws.CloudFormation.DescribeStacksAsync());

        Assert.Equal("InternalFailure", error.Code);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public async Task Cancellation_during_backoff_ends_the_call()
    {
        await using var e = await EmulatedAws.StartAsync(retry: new RetryPolicy(5, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)));
        e.Server.ThrottleNext("GetCallerIdentity", 5);
        using var cts = new CancellationTokenSource();

        var call = e.Aws.Sts.GetCallerIdentityAsync(cts.Token);
        await EmulatedAws.WaitAsync(() => Task.FromResult(e.Server.Requests.Count(r => r.Action == "GetCallerIdentity")), n => n == 1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(1, e.Server.Requests.Count(r => r.Action == "GetCallerIdentity"));
    }

    [Fact]
    public async Task Every_request_is_signed_for_its_service_and_region()
    {
        await using var e = await EmulatedAws.StartAsync();

        await e.Aws.Sts.GetCallerIdentityAsync();
        await e.Aws.Ecs.DescribeClustersAsync(["demo"]);
        await e.Aws.Logs.GetLogEventsAsync(new Clients.GetLogEventsRequest("g", "s")).ContinueWith(_ => { }, TaskScheduler.Default);
        await e.Aws.SecretsManager.ListSecretsAsync();
        await e.Aws.ElbV2.DescribeLoadBalancersAsync();
        await e.Aws.Ec2.DescribeVpcsAsync();
        await e.Aws.CloudFormation.ListStacksAsync();
        await Assert.ThrowsAsync<AwsServiceException>(() => e.Aws.Ssm.GetParameterAsync("/nope"));

        var expected = new[] { "sts", "ecs", "logs", "secretsmanager", "elasticloadbalancing", "ec2", "cloudformation", "ssm" };
        Assert.Equal(expected.Order(), e.Server.Requests.Select(r => r.Service).Distinct().Order());
        Assert.All(e.Server.Requests, r =>
            Assert.Matches($"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{{8}}/us-east-1/{r.Service}/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{{64}}$", r.Authorization));
    }
}
