namespace ComposeEcs.Ecs.Tests;

public class CompatibilityTests
{
    private static string OnlyError(Service service) => Assert.Single(Transform.Errors(Project(service)));

    [Fact]
    public void Service_without_image_is_an_error()
    {
        Assert.StartsWith("service \"app\": image:", OnlyError(Service("app") with { Image = null }));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("service:db")]
    public void Network_mode_other_than_awsvpc_is_an_error(string mode)
    {
        Assert.StartsWith("service \"app\": network_mode:", OnlyError(Service("app") with { NetworkMode = mode, Networks = Maps.Empty<ServiceNetwork>() }));
    }

    [Fact]
    public void Network_mode_awsvpc_is_accepted()
    {
        Transform.Ok(Project(Service("app") with { NetworkMode = "awsvpc" }));
    }

    [Theory]
    [InlineData("host")]
    [InlineData("bridge")]
    public void Host_and_bridge_network_modes_run_in_awsvpc_with_a_warning(string mode)
    {
        var result = ComposeTransform.Convert(Project(Service("app") with { NetworkMode = mode }));
        Assert.True(result.Succeeded);
        Assert.StartsWith($"service \"app\": network_mode: {mode} ignored", Assert.Single(result.Warnings).Message);
    }

    [Fact]
    public void Undeclared_volume_and_secret_are_errors()
    {
        Assert.Contains("volume \"data\" is not declared", OnlyError(Service("db") with { Volumes = [new ServiceVolume("volume", "/data") { Source = "data" }] }));
        Assert.Contains("secret \"token\" is not declared", OnlyError(Service("db") with { Secrets = [new FileReference("token")] }));
    }

    [Fact]
    public void Privileged_is_an_error_because_fargate_cannot_run_it()
    {
        Assert.StartsWith("service \"dind\": privileged:", OnlyError(Service("dind") with { Privileged = true }));
    }

    [Fact]
    public void Fields_ecs_cannot_express_are_ignored_with_a_warning_naming_service_and_field()
    {
        var app = Service("app") with
        {
            Build = new BuildConfig("/work/demo"),
            ContainerName = "my-app",
            Restart = "always",
            Hostname = "app01",
            ExtraHosts = ["somehost:162.242.195.82"],
            Dns = ["8.8.8.8"],
            SecurityOpt = ["label:disable"],
            Ipc = "host",
            Pid = "host",
            CgroupParent = "m-executor-abcd",
            DnsSearch = ["example.com"],
            ExternalLinks = ["redis"],
            Deploy = new DeployConfig { PlacementConstraints = ["node.role==manager"] },
        };
        var warnings = Transform.Warnings(Project(app)).Select(w => w.Message).ToList();
        Assert.DoesNotContain(warnings, w => w.Contains("container_name", StringComparison.Ordinal)); // another DNS name now
        foreach (var field in new[] { "restart", "hostname", "extra_hosts", "dns", "security_opt", "ipc", "pid", "cgroup_parent", "dns_search", "external_links", "deploy.placement" })
            Assert.Contains(warnings, w => w.StartsWith($"service \"app\": {field}: ignored, "));
        Assert.Equal(11, warnings.Count);
    }

    [Fact]
    public void A_plain_service_has_no_warnings()
    {
        Assert.Empty(Transform.Warnings(Project(Service("web").Publishing(Port(80, 80)))));
    }
}

public class EmptyProjectTests
{
    [Fact]
    public void A_project_without_services_is_an_error()
    {
        Assert.Equal("services: the project has no services to run", Assert.Single(Transform.Errors(Project())));
    }
}
