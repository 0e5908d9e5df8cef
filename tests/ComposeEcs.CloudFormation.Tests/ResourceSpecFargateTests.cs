using ComposeEcs.CloudFormation;
using static ComposeEcs.CloudFormation.Tests.Trees;

namespace ComposeEcs.CloudFormation.Tests;

/// <summary>The Fargate rules of <see cref="ResourceSpecCheck"/>: what ECS refuses in a task definition for Fargate.</summary>
public class ResourceSpecFargateTests
{
    private static IReadOnlyList<string> Problems(string compatibility, params (string Key, Expr Value)[] extra) =>
        ResourceSpecCheck.Problems(WithResources(("Task", Resource("AWS::ECS::TaskDefinition",
        [
            ("RequiresCompatibilities", List(compatibility)), ("NetworkMode", "awsvpc"), ("Cpu", "256"), ("Memory", "512"),
            .. extra,
        ]))));

    private static (string, Expr) Containers(params (string Key, Expr Value)[] extra) =>
        ("ContainerDefinitions", List(Map([("Name", "web"), ("Image", "nginx"), .. extra])));

    [Fact]
    public void A_well_formed_Fargate_task_has_no_problems()
    {
        Assert.Empty(Problems("FARGATE", Containers(
            ("LinuxParameters", Map(("Capabilities", Map(("Add", List("SYS_PTRACE")), ("Drop", List("NET_RAW")))), ("InitProcessEnabled", true))),
            ("LogConfiguration", Map(("LogDriver", "awslogs"))),
            ("Privileged", false),
            ("Ulimits", List(Map(("Name", "nofile"), ("SoftLimit", 1024), ("HardLimit", 4096)))))));
    }

    [Fact]
    public void Container_parameters_Fargate_refuses_are_reported()
    {
        Assert.Equal(
            [
                "Resources.Task.Properties.ContainerDefinitions[0].ExtraHosts: not valid in a Fargate task",
                "Resources.Task.Properties.ContainerDefinitions[0].Links: not valid in a Fargate task",
                "Resources.Task.Properties.ContainerDefinitions[0].Privileged: not valid in a Fargate task",
                "Resources.Task.Properties.ContainerDefinitions[0].LinuxParameters.Tmpfs: not valid in a Fargate task",
                "Resources.Task.Properties.ContainerDefinitions[0].LinuxParameters.Capabilities.Add: NET_ADMIN cannot be added on Fargate (only SYS_PTRACE)",
                "Resources.Task.Properties.ContainerDefinitions[0].ResourceRequirements: GPUs are not valid in a Fargate task",
                "Resources.Task.Properties.ContainerDefinitions[0].LogConfiguration.LogDriver: Fargate supports awslogs, splunk, awsfirelens, not \"json-file\"",
            ],
            Problems("FARGATE", Containers(
                ("Links", List("db")),
                ("ExtraHosts", List(Map(("Hostname", "db"), ("IpAddress", "10.0.0.1")))),
                ("Privileged", true),
                ("LinuxParameters", Map(("Tmpfs", List(Map(("ContainerPath", "/tmp"), ("Size", 64)))),
                    ("Capabilities", Map(("Add", List("SYS_PTRACE", "NET_ADMIN")))))),
                ("ResourceRequirements", List(Map(("Type", "GPU"), ("Value", "1")))),
                ("LogConfiguration", Map(("LogDriver", "json-file"))))));
    }

    [Fact]
    public void The_same_parameters_are_fine_outside_Fargate()
    {
        Assert.Empty(Problems("EC2", Containers(
            ("Links", List("db")), ("Privileged", true), ("ResourceRequirements", List(Map(("Type", "GPU"), ("Value", "1")))))));
    }

    [Fact]
    public void A_Fargate_task_needs_awsvpc_and_a_task_size_from_the_Fargate_table()
    {
        var tree = WithResources(
            ("Bridge", Resource("AWS::ECS::TaskDefinition", ("RequiresCompatibilities", List("FARGATE")), ("NetworkMode", "bridge"),
                ("Cpu", "512"), ("Memory", "8192"))),
            ("Unsized", Resource("AWS::ECS::TaskDefinition", ("RequiresCompatibilities", List("FARGATE")), ("Cpu", 300))),
            ("Odd", Resource("AWS::ECS::TaskDefinition", ("RequiresCompatibilities", List("FARGATE")), ("NetworkMode", "awsvpc"),
                ("Cpu", 300), ("Memory", 1024))),
            ("Largest", Resource("AWS::ECS::TaskDefinition", ("RequiresCompatibilities", List("FARGATE")), ("NetworkMode", "awsvpc"),
                ("Cpu", "16384"), ("Memory", "122880"))),
            ("Parameterised", Resource("AWS::ECS::TaskDefinition", ("RequiresCompatibilities", List("FARGATE")), ("NetworkMode", "awsvpc"),
                ("Cpu", Fn.Ref("Cpu")), ("Memory", "3000"))));

        Assert.Equal(
            [
                "Resources.Bridge.Properties.NetworkMode: a Fargate task needs awsvpc, not \"bridge\"",
                "Resources.Bridge.Properties.Memory: 8192 MiB does not go with 512 CPU units on Fargate",
                "Resources.Unsized.Properties: a Fargate task needs NetworkMode awsvpc",
                "Resources.Unsized.Properties: a Fargate task needs a task-level Cpu and Memory",
                "Resources.Odd.Properties.Cpu: 300 is not a Fargate CPU size (256, 512, 1024, 2048, 4096, 8192, 16384, 32768)",
            ],
            ResourceSpecCheck.Problems(tree));
    }

    [Fact]
    public void Docker_volumes_and_placement_constraints_are_refused_on_Fargate()
    {
        Assert.Equal(
            [
                "Resources.Task.Properties.PlacementConstraints: not valid in a Fargate task",
                "Resources.Task.Properties.Volumes[0].DockerVolumeConfiguration: not valid in a Fargate task",
            ],
            Problems("FARGATE",
                ("PlacementConstraints", List(Map(("Type", "memberOf"), ("Expression", "attribute:x == y")))),
                ("Volumes", List(Map(("Name", "data"), ("DockerVolumeConfiguration", Map(("Driver", "local"))))))));
    }

    [Fact]
    public void Ulimit_names_and_log_drivers_must_be_ones_ECS_knows()
    {
        Assert.Equal(
            [
                "Resources.Task.Properties.ContainerDefinitions[0].Ulimits[0].Name: \"open_files\" is not one of core, cpu, data, fsize, locks, memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack",
                "Resources.Task.Properties.ContainerDefinitions[0].LogConfiguration.LogDriver: \"local\" is not one of json-file, syslog, journald, gelf, fluentd, awslogs, splunk, awsfirelens",
            ],
            Problems("EC2", Containers(
                ("Ulimits", List(Map(("Name", "open_files"), ("SoftLimit", 1), ("HardLimit", 1)))),
                ("LogConfiguration", Map(("LogDriver", "local"))))));
    }
}
