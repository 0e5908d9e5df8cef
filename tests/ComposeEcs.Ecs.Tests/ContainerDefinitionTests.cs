using System.Collections.Immutable;

namespace ComposeEcs.Ecs.Tests;

public class ContainerDefinitionTests
{
    private static MapExpr ContainerOf(Service service) => Transform.Ok(Project(service)).Container(service.Name);

    [Fact]
    public void Image_command_entrypoint_working_dir_and_user_are_copied()
    {
        var container = ContainerOf(Service("app", "ghcr.io/example/app:1") with
        {
            Command = ["serve", "--port", "80"],
            Entrypoint = ["/bin/tini", "--"],
            WorkingDir = "/srv",
            User = "1000:1000",
        });
        Assert.Equal(new Str("ghcr.io/example/app:1"), container["Image"]);
        Assert.Equal(new ListExpr("serve", "--port", "80"), container["Command"]);
        Assert.Equal(new ListExpr("/bin/tini", "--"), container["EntryPoint"]);
        Assert.Equal(new Str("/srv"), container["WorkingDirectory"]);
        Assert.Equal(new Str("1000:1000"), container["User"]);
        Assert.Equal(new Bool(true), container["Essential"]);
    }

    [Fact]
    public void Environment_is_sorted_and_variables_without_a_value_are_skipped_with_a_warning()
    {
        var app = Service("app") with
        {
            Environment = Maps.From<string?>([KeyValuePair.Create("ZONE", (string?)"eu"), KeyValuePair.Create("ANSWER", (string?)"42"), KeyValuePair.Create("UNSET", (string?)null)]),
        };
        var environment = ContainerOf(app)["Environment"].Items();
        Assert.Equal([new Str("ANSWER"), new Str("ZONE")], environment.Select(e => e.At("Name")!).ToArray());
        Assert.Equal(new Str("42"), environment[0].At("Value"));
        var warning = Assert.Single(Transform.Warnings(Project(app)));
        Assert.Contains("service \"app\": environment: UNSET", warning.Message);
    }

    [Fact]
    public void Healthcheck_becomes_an_ecs_health_check_in_seconds()
    {
        var container = ContainerOf(Service("web") with
        {
            Healthcheck = new Healthcheck
            {
                Test = ["CMD", "curl", "-f", "http://localhost/"],
                Interval = TimeSpan.FromSeconds(90), Timeout = TimeSpan.FromSeconds(10), Retries = 3, StartPeriod = TimeSpan.FromSeconds(40),
            },
        });
        var check = container["HealthCheck"]!;
        Assert.Equal(new ListExpr("CMD", "curl", "-f", "http://localhost/"), check.At("Command"));
        Assert.Equal(new Num("90"), check.At("Interval"));
        Assert.Equal(new Num("10"), check.At("Timeout"));
        Assert.Equal(new Num("3"), check.At("Retries"));
        Assert.Equal(new Num("40"), check.At("StartPeriod"));
    }

    [Fact]
    public void Shell_healthcheck_is_kept_and_a_disabled_one_is_left_out()
    {
        var shell = ContainerOf(Service("db") with { Healthcheck = new Healthcheck { Test = ["CMD-SHELL", "pg_isready -U postgres"] } });
        Assert.Equal(new ListExpr("CMD-SHELL", "pg_isready -U postgres"), shell.At("HealthCheck.Command"));
        Assert.Null(ContainerOf(Service("a") with { Healthcheck = new Healthcheck { Test = ["NONE"] } })["HealthCheck"]);
        Assert.Null(ContainerOf(Service("b") with { Healthcheck = new Healthcheck { Test = ["CMD", "true"], Disable = true } })["HealthCheck"]);
    }

    [Fact]
    public void Healthcheck_values_outside_what_ecs_accepts_are_bounded_with_a_warning()
    {
        var web = Service("web") with { Healthcheck = new Healthcheck { Test = ["CMD", "true"], Interval = TimeSpan.FromMinutes(10) } };
        Assert.Equal(new Num("300"), ContainerOf(web).At("HealthCheck.Interval"));
        Assert.Contains(Transform.Warnings(Project(web)), w => w.Message.StartsWith("service \"web\": healthcheck:"));
    }

    [Fact]
    public void Ulimits_capabilities_and_init_go_to_linux_parameters()
    {
        var container = ContainerOf(Service("agent") with
        {
            Ulimits = Maps.From([KeyValuePair.Create("nofile", new Ulimit(20000, 40000))]),
            CapAdd = ["SYS_PTRACE"],
            CapDrop = ["NET_RAW"],
            Init = true,
        });
        Assert.Equal(new MapExpr(("HardLimit", 40000), ("Name", "nofile"), ("SoftLimit", 20000)), container.At("Ulimits.0"));
        Assert.Equal(new ListExpr("SYS_PTRACE"), container.At("LinuxParameters.Capabilities.Add"));
        Assert.Equal(new ListExpr("NET_RAW"), container.At("LinuxParameters.Capabilities.Drop"));
        Assert.Equal(new Bool(true), container.At("LinuxParameters.InitProcessEnabled"));
    }

    [Fact]
    public void Capabilities_fargate_cannot_add_are_dropped_with_a_warning()
    {
        var agent = Service("agent") with { CapAdd = ["CAP_NET_ADMIN", "SYS_PTRACE"] };
        Assert.Equal(new ListExpr("SYS_PTRACE"), ContainerOf(agent).At("LinuxParameters.Capabilities.Add"));
        Assert.Contains(Transform.Warnings(Project(agent)), w => w.Message.Contains("cap_add") && w.Message.Contains("NET_ADMIN"));
    }

    [Fact]
    public void Tmpfs_is_skipped_with_a_warning_because_fargate_does_not_support_it()
    {
        var app = Service("app") with { Tmpfs = ["/run"] };
        Assert.Null(ContainerOf(app)["LinuxParameters"]);
        Assert.Contains(Transform.Warnings(Project(app)), w => w.Message == "service \"app\": tmpfs: ignored, Fargate does not support tmpfs mounts");
    }

    [Fact]
    public void Sysctls_read_only_tty_and_stdin_are_copied()
    {
        var container = ContainerOf(Service("shell") with
        {
            Sysctls = Maps.From([KeyValuePair.Create("net.core.somaxconn", "1024")]),
            ReadOnly = true, Tty = true, StdinOpen = true,
        });
        Assert.Equal(new MapExpr(("Namespace", "net.core.somaxconn"), ("Value", "1024")), container.At("SystemControls.0"));
        Assert.Equal(new Bool(true), container["ReadonlyRootFilesystem"]);
        Assert.Equal(new Bool(true), container["PseudoTerminal"]);
        Assert.Equal(new Bool(true), container["Interactive"]);
    }

    [Fact]
    public void Unset_flags_are_left_out()
    {
        var container = ContainerOf(Service("web"));
        foreach (var key in new[] { "ReadonlyRootFilesystem", "PseudoTerminal", "Interactive", "Command", "EntryPoint", "Environment", "PortMappings", "StopTimeout", "DockerLabels" })
            Assert.Null(container[key]);
    }

    [Fact]
    public void Stop_grace_period_becomes_stop_timeout_capped_at_120_seconds()
    {
        Assert.Equal(new Num("60"), ContainerOf(Service("a") with { StopGracePeriod = TimeSpan.FromMinutes(1) })["StopTimeout"]);
        var slow = Service("b") with { StopGracePeriod = TimeSpan.FromMinutes(5) };
        Assert.Equal(new Num("120"), ContainerOf(slow)["StopTimeout"]);
        Assert.Contains(Transform.Warnings(Project(slow)), w => w.Message.Contains("stop_grace_period"));
    }

    [Fact]
    public void Labels_become_docker_labels()
    {
        var container = ContainerOf(Service("web") with { Labels = Maps.From([KeyValuePair.Create("traefik.enable", "true"), KeyValuePair.Create("a", "b")]) });
        Assert.Equal(new MapExpr(("a", "b"), ("traefik.enable", "true")), container["DockerLabels"]);
    }

    [Fact]
    public void Port_mappings_come_from_ports_and_expose_with_names_for_service_connect()
    {
        var container = ContainerOf(Service("web-api").Publishing(Port(80, 8080)) with { Expose = ["9090", "53/udp", "8080"] });
        var mappings = container["PortMappings"].Items();
        Assert.Equal(
            [
                new MapExpr(("ContainerPort", 53), ("Name", "web-api-53-udp"), ("Protocol", "udp")),
                new MapExpr(("AppProtocol", "http"), ("ContainerPort", 8080), ("Name", "web-api-8080"), ("Protocol", "tcp")),
                new MapExpr(("ContainerPort", 9090), ("Name", "web-api-9090"), ("Protocol", "tcp")),
            ],
            mappings);
    }

    [Fact]
    public void A_container_speaking_tls_on_443_is_not_marked_http()
    {
        var container = ContainerOf(Service("proxy").Publishing(Port(443, 443)));
        Assert.Null(container.At("PortMappings.0.AppProtocol"));
    }

    [Fact]
    public void Platform_linux_arm64_runs_on_graviton()
    {
        var task = Transform.Ok(Project(Service("app") with { Platform = "linux/arm64" })).Properties("AppTaskDefinition");
        Assert.Equal(new MapExpr(("CpuArchitecture", "ARM64"), ("OperatingSystemFamily", "LINUX")), task["RuntimePlatform"]);
        var x86 = Transform.Ok(Project(Service("app"))).Properties("AppTaskDefinition");
        Assert.Equal(new Str("X86_64"), x86.At("RuntimePlatform.CpuArchitecture"));
    }

    [Fact]
    public void Task_definition_is_a_fargate_awsvpc_family_per_service()
    {
        var task = Transform.Ok(Project(Service("web-api"))).Properties("WebapiTaskDefinition");
        Assert.Equal(new Str("demo-web-api"), task["Family"]);
        Assert.Equal(new Str("awsvpc"), task["NetworkMode"]);
        Assert.Equal(new ListExpr("FARGATE"), task["RequiresCompatibilities"]);
        Assert.Equal(Fn.GetAtt("WebapiTaskExecutionRole", "Arn"), task["ExecutionRoleArn"]);
        Assert.Null(task["TaskRoleArn"]);
        Assert.Equal(new Str("256"), task["Cpu"]);
        Assert.Equal(new Str("512"), task["Memory"]);
    }
}

public class ContainerNameTests
{
    [Fact]
    public void Service_name_with_a_dot_becomes_a_valid_container_name_the_load_balancer_uses_too()
    {
        var template = Transform.Ok(Project(Service("api.v2").Publishing(Port(80, 8080))));
        Assert.Equal(new Str("api-v2"), template.Container("api.v2")["Name"]);
        Assert.Equal(new Str("api-v2"), template.Properties("Apiv2Service").At("LoadBalancers.0.ContainerName"));
        Assert.Equal(new Str("demo-api-v2"), template.Properties("Apiv2TaskDefinition")["Family"]);
    }
}
