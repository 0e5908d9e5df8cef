namespace ComposeEcs.Ecs.Tests;

public class TargetHealthTests
{
    private static MapExpr Group(Service web, string id = "WebTCP80TargetGroup") => Transform.Ok(Project(web)).Properties(id);

    private static Service Web => Service("web").Publishing(Port(80, 80));

    private static Service Probing(string[] test, int target = 80) =>
        Service("web").Publishing(Port(80, target)) with { Healthcheck = new Healthcheck { Test = [.. test] } };

    [Fact]
    public void Target_group_admits_a_healthy_task_after_two_checks_ten_seconds_apart()
    {
        var group = Group(Web);
        Assert.Equal(new Num("10"), group["HealthCheckIntervalSeconds"]);
        Assert.Equal(new Num("2"), group["HealthyThresholdCount"]);
        Assert.Equal(new Num("3"), group["UnhealthyThresholdCount"]);
        Assert.Equal(new Num("5"), group["HealthCheckTimeoutSeconds"]);
        Assert.Equal(new Str("/"), group["HealthCheckPath"]);
        Assert.Equal(new Str("200-499"), group.At("Matcher.HttpCode"));
    }

    [Fact]
    public void Replaced_tasks_drain_for_fifteen_seconds()
    {
        var attribute = Group(Web).At("TargetGroupAttributes.0")!;
        Assert.Equal(new Str("deregistration_delay.timeout_seconds"), attribute.At("Key"));
        Assert.Equal(new Str("15"), attribute.At("Value"));
    }

    [Fact]
    public void Load_balanced_service_gets_a_sixty_second_grace_period_and_keeps_the_circuit_breaker()
    {
        var service = Transform.Ok(Project(Web)).Properties("WebService");
        Assert.Equal(new Num("60"), service["HealthCheckGracePeriodSeconds"]);
        Assert.Equal(new Bool(true), service.At("DeploymentConfiguration.DeploymentCircuitBreaker.Rollback"));
        Assert.Null(Transform.Ok(Project(Service("worker"))).Properties("WorkerService")["HealthCheckGracePeriodSeconds"]);
    }

    [Fact]
    public void Grace_period_covers_a_longer_compose_start_period()
    {
        var web = Web with { Healthcheck = new Healthcheck { Test = ["CMD", "true"], StartPeriod = TimeSpan.FromSeconds(90) } };
        Assert.Equal(new Num("90"), Transform.Ok(Project(web)).Properties("WebService")["HealthCheckGracePeriodSeconds"]);
    }

    [Fact]
    public void Network_load_balancer_target_groups_get_the_same_timing_without_a_path()
    {
        var group = Transform.Ok(Project(Service("mqtt").Publishing(Port(1883, 1883)))).Properties("MqttTCP1883TargetGroup");
        Assert.Equal(new Num("10"), group["HealthCheckIntervalSeconds"]);
        Assert.Equal(new Num("2"), group["HealthyThresholdCount"]);
        Assert.Null(group["HealthCheckPath"]);
        Assert.Null(group["Matcher"]);
    }

    [Fact]
    public void X_aws_healthcheck_and_deregistration_delay_override_the_defaults()
    {
        var web = Web.WithExtensions(
            ("x-aws-healthcheck", Map(("path", "/healthz"), ("matcher", "200"), ("interval", 30L), ("healthy_threshold", 5L), ("grace_period", 0L))),
            ("x-aws-deregistration_delay", 300L));
        var template = Transform.Ok(Project(web));
        var group = template.Properties("WebTCP80TargetGroup");
        Assert.Equal(new Str("/healthz"), group["HealthCheckPath"]);
        Assert.Equal(new Str("200"), group.At("Matcher.HttpCode"));
        Assert.Equal(new Num("30"), group["HealthCheckIntervalSeconds"]);
        Assert.Equal(new Num("5"), group["HealthyThresholdCount"]);
        Assert.Equal(new Str("300"), group.At("TargetGroupAttributes.0.Value"));
        Assert.Equal(new Num("0"), template.Properties("WebService")["HealthCheckGracePeriodSeconds"]);
    }

    [Fact]
    public void X_aws_healthcheck_path_on_a_tcp_port_checks_over_http()
    {
        var mqtt = Service("mqtt").Publishing(Port(1883, 1883)).WithExtensions(("x-aws-healthcheck", Map(("path", "/status"))));
        var group = Transform.Ok(Project(mqtt)).Properties("MqttTCP1883TargetGroup");
        Assert.Equal(new Str("HTTP"), group["HealthCheckProtocol"]);
        Assert.Equal(new Str("/status"), group["HealthCheckPath"]);
    }

    [Theory]
    [InlineData("interval", 4L, "interval: must be a whole number from 5 to 300")]
    [InlineData("healthy_threshold", 11L, "healthy_threshold: must be a whole number from 2 to 10")]
    [InlineData("path", "health", "path: must start with /")]
    [InlineData("matcher", "ok", "matcher: must be HTTP codes")]
    [InlineData("retries", 3L, "retries: unknown")]
    public void Invalid_x_aws_healthcheck_is_an_error_naming_the_key(string key, object value, string message)
    {
        var error = Assert.Single(Transform.Errors(Project(Web.WithExtensions(("x-aws-healthcheck", Map((key, value)))))));
        Assert.Contains($"service \"web\": x-aws-healthcheck: {message}", error);
    }

    [Fact]
    public void Timeout_not_shorter_than_the_interval_is_an_error()
    {
        var error = Assert.Single(Transform.Errors(Project(Web.WithExtensions(("x-aws-healthcheck", Map(("interval", 5L), ("timeout", 5L)))))));
        Assert.Contains("timeout (5s) must be shorter than interval (5s)", error);
    }

    [Fact]
    public void Deregistration_delay_out_of_range_is_an_error()
    {
        var error = Assert.Single(Transform.Errors(Project(Web.WithExtensions(("x-aws-deregistration_delay", 4000L)))));
        Assert.Contains("x-aws-deregistration_delay: must be a whole number of seconds (0-3600)", error);
    }

    [Fact]
    public void Curl_fail_probe_of_the_target_port_gives_path_and_strict_matcher()
    {
        var group = Group(Probing(["CMD", "curl", "-fsS", "http://localhost:8080/health"], target: 8080), "WebTCP8080TargetGroup");
        Assert.Equal(new Str("/health"), group["HealthCheckPath"]);
        Assert.Equal(new Str("200-399"), group.At("Matcher.HttpCode"));
    }

    [Fact]
    public void Shell_wget_probe_without_a_port_maps_to_port_80()
    {
        var group = Group(Probing(["CMD-SHELL", "wget -q --spider http://127.0.0.1/ready || exit 1"]));
        Assert.Equal(new Str("/ready"), group["HealthCheckPath"]);
        Assert.Equal(new Str("200-399"), group.At("Matcher.HttpCode"));
    }

    [Fact]
    public void Plain_curl_probe_accepts_any_answer_below_500()
    {
        Assert.Equal(new Str("200-499"), Group(Probing(["CMD", "curl", "http://localhost/"])).At("Matcher.HttpCode"));
    }

    [Theory]
    [InlineData("CMD", "curl", "-f", "http://localhost:9000/health")]
    [InlineData("CMD", "curl", "-f", "http://example.com/health")]
    [InlineData("CMD-SHELL", "pg_isready -U postgres", "", "")]
    public void Probe_of_another_port_host_or_tool_keeps_the_default_path(string kind, string a, string b, string c)
    {
        var test = new[] { kind, a, b, c }.Where(s => s.Length > 0).ToArray();
        Assert.Equal(new Str("/"), Group(Probing(test))["HealthCheckPath"]);
    }
}
