using ComposeEcs.CloudFormation;

namespace ComposeEcs.Ecs.Tests;

/// <summary>Templates that deployed but then failed (issue #12), and fields that used to vanish without a word.</summary>
public sealed class FieldDefectsTests
{
    private static Service Gpus(Service service, int count, int replicas = 1) => service with
    {
        Deploy = new DeployConfig
        {
            Replicas = replicas,
            Resources = new Compose.Model.Resources { Reservations = new ResourceAmounts { Devices = [new DeviceRequest { Capabilities = ["gpu"], Count = count }] } },
        },
    };

    [Theory]
    [InlineData(1, null, 2)]
    [InlineData(3, null, 6)]
    [InlineData(3, 150, 4)]
    [InlineData(2, 100, 2)]
    [InlineData(4, 125, 5)]
    public void Gpu_capacity_is_what_a_rolling_deployment_runs_at_its_peak(int tasks, int? maximumPercent, int instances) =>
        Assert.Equal(instances, Gpu.InstancesNeeded(tasks, maximumPercent));

    [Fact]
    public void Gpu_auto_scaling_group_has_room_for_the_new_task_of_a_rolling_update()
    {
        var template = Transform.Ok(Project(Gpus(Service("inference"), 1, replicas: 2)));
        Assert.Equal(new Str("4"), template.Properties("InferenceAutoScalingGroup")["MaxSize"]);
    }

    [Fact]
    public void Network_mode_awsvpc_joins_the_default_network_security_group()
    {
        var web = Service("web") with { NetworkMode = "awsvpc", Networks = Maps.Empty<ServiceNetwork>() };
        var template = Transform.Ok(Project(web));
        Assert.Equal(Fn.Ref("DefaultNetwork"), template.Properties("WebService").At("NetworkConfiguration.AwsvpcConfiguration.SecurityGroups.0"));
    }

    [Fact]
    public void Gpus_all_is_refused_instead_of_running_on_cpu_only()
    {
        var trainer = Service("trainer") with { Other = Ext(("gpus", "all")) };
        Assert.Contains("gpus: count: all", Assert.Single(Transform.Errors(Project(trainer))));
    }

    [Fact]
    public void Gpus_with_a_count_runs_on_gpu_capacity()
    {
        var trainer = Service("trainer") with { Other = Ext(("gpus", List(Map(("count", 2L))))) };
        var template = Transform.Ok(Project(trainer));
        Assert.Equal(new Str("2"), template.Container("trainer").At("ResourceRequirements.0.Value"));
    }

    [Fact]
    public void Cpu_shares_become_the_container_cpu_units_bounded_by_the_task()
    {
        var template = Transform.Ok(Project(Service("app") with { Other = Ext(("cpu_shares", 4096L)) }));
        Assert.Equal(new Num("256"), template.Container("app")["Cpu"]);
    }
}
