namespace ComposeEcs.Aws.Tests.Protocol;

public sealed class EcsProtocolTests(DeployedDemo demo) : IClassFixture<DeployedDemo>
{
    [Fact]
    public async Task List_services_follows_next_token()
    {
        var before = Count("ListServices");

        var arns = await demo.Aws.Ecs.ListServicesAsync("demo");

        Assert.Equal(["api", "web", "worker"], arns.Select(a => a.Split('/')[^1]).Order());
        Assert.Equal(2, Count("ListServices") - before);
    }

    [Fact]
    public async Task Describe_services_reads_counts_and_reports_failures()
    {
        var result = await demo.Aws.Ecs.DescribeServicesAsync("demo", ["web", "api", "ghost"]);

        var web = result.Items.Single(s => s.ServiceName == "web");
        Assert.Equal(3, web.DesiredCount);
        Assert.Equal("ACTIVE", web.Status);
        Assert.Equal("FARGATE", web.LaunchType);
        Assert.Contains("task-definition/demo-web:", web.TaskDefinition, StringComparison.Ordinal);
        Assert.Equal(2, result.Items.Count);
        Assert.Equal("MISSING", Assert.Single(result.Failures).Reason);
    }

    [Fact]
    public async Task Describe_services_splits_long_lists_into_calls_of_ten()
    {
        var before = Count("DescribeServices");
        var names = Enumerable.Range(0, 12).Select(i => i == 0 ? "web" : $"missing-{i}").ToList();

        var result = await demo.Aws.Ecs.DescribeServicesAsync("demo", names);

        Assert.Equal(2, Count("DescribeServices") - before);
        Assert.Single(result.Items);
        Assert.Equal(11, result.Failures.Count);
    }

    [Fact]
    public async Task List_and_describe_tasks_of_a_service()
    {
        var arns = await demo.Aws.Ecs.ListTasksAsync("demo", serviceName: "web");
        var tasks = await demo.Aws.Ecs.DescribeTasksAsync("demo", arns);

        Assert.Equal(3, arns.Count);
        Assert.Equal(3, tasks.Items.Count);
        Assert.All(tasks.Items, t =>
        {
            Assert.Equal("RUNNING", t.LastStatus);
            Assert.NotNull(t.StartedAt);
            Assert.Contains(t.Containers, c => c.Name == "web");
        });
        Assert.Empty(tasks.Failures);
    }

    [Fact]
    public async Task List_tasks_of_the_whole_cluster()
    {
        var arns = await demo.Aws.Ecs.ListTasksAsync("demo");
        Assert.Equal(5, arns.Count);
    }

    [Fact]
    public async Task Describe_clusters_reads_counts_and_reports_missing_ones()
    {
        var result = await demo.Aws.Ecs.DescribeClustersAsync(["demo", "other"]);

        var cluster = Assert.Single(result.Items);
        Assert.Equal(("demo", "ACTIVE", 3), (cluster.ClusterName, cluster.Status, cluster.ActiveServicesCount));
        Assert.Equal("MISSING", Assert.Single(result.Failures).Reason);
    }

    [Fact]
    public async Task A_missing_cluster_is_a_json_error_with_its_code()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => demo.Aws.Ecs.ListServicesAsync("nope"));

        Assert.Equal("ClusterNotFoundException", error.Code);
        Assert.Equal("Cluster not found.", error.ErrorMessage);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal("ecs", error.Service);
    }

    private int Count(string action) => demo.Emulated.Server.Requests.Count(r => r.Action == action);
}
