
namespace ComposeEcs.Ecs.Tests;

public class FargateSizesTests
{
    private const long MiB = 1024 * 1024;
    private const long GiB = 1024 * MiB;

    [Theory]
    [InlineData(null, null, 256, 512)]                 // nothing asked: the smallest task
    [InlineData(0.25, null, 256, 512)]
    [InlineData(null, 512 * MiB, 256, 512)]
    [InlineData(null, 513 * MiB, 256, 1024)]           // just above a step rounds up to the next memory
    [InlineData(null, 2 * GiB, 256, 2048)]             // top of 0.25 vCPU
    [InlineData(null, 2 * GiB + 1, 512, 3072)]         // beyond it needs 0.5 vCPU
    [InlineData(0.26, null, 512, 1024)]                // a little more than 0.25 vCPU
    [InlineData(0.5, 4 * GiB, 512, 4096)]              // top of 0.5 vCPU
    [InlineData(0.5, 4 * GiB + 1, 1024, 5120)]
    [InlineData(1.0, null, 1024, 2048)]
    [InlineData(1.0, 8 * GiB, 1024, 8192)]             // top of 1 vCPU
    [InlineData(null, 9 * GiB, 2048, 9216)]            // 2 vCPU in 1 GB steps
    [InlineData(2.0, 16 * GiB, 2048, 16384)]           // top of 2 vCPU
    [InlineData(null, 17 * GiB, 4096, 17408)]
    [InlineData(4.0, 30 * GiB, 4096, 30720)]           // top of 4 vCPU
    [InlineData(null, 31 * GiB, 8192, 32768)]          // 8 vCPU: 4 GB steps
    [InlineData(8.0, null, 8192, 16384)]
    [InlineData(8.0, 60 * GiB, 8192, 61440)]           // top of 8 vCPU
    [InlineData(null, 61 * GiB, 16384, 65536)]         // 16 vCPU: 8 GB steps from 32 GB
    [InlineData(16.0, null, 16384, 32768)]
    [InlineData(16.0, 120 * GiB, 16384, 122880)]       // the largest
    public void Fargate_size_is_the_smallest_that_fits(double? cpus, long? memory, int cpu, int mib)
    {
        Assert.Equal(new FargateSize(cpu, mib), FargateSizes.Fit(cpus, memory));
    }

    [Theory]
    [InlineData(16.01, null)]
    [InlineData(null, 120 * GiB + 1)]
    [InlineData(17.0, 1 * GiB)]
    public void Nothing_fits_beyond_the_largest_fargate_size(double? cpus, long? memory)
    {
        Assert.Null(FargateSizes.Fit(cpus, memory));
    }

    [Fact]
    public void The_table_has_every_current_fargate_combination()
    {
        Assert.Equal(3 + 4 + 7 + 13 + 23 + 12 + 12, FargateSizes.All.Length);
        Assert.All(FargateSizes.All.Where(s => s.Cpu == 8192), s => Assert.Equal(0, s.Memory % 4096));
        Assert.All(FargateSizes.All.Where(s => s.Cpu == 16384), s => Assert.Equal(0, s.Memory % 8192));
    }

    [Fact]
    public void Task_size_comes_from_deploy_resources_limits()
    {
        var web = Service("web") with
        {
            Deploy = new DeployConfig
            {
                Resources = new Resources
                {
                    Limits = new ResourceAmounts { Cpus = 1, Memory = 3 * GiB },
                    Reservations = new ResourceAmounts { Cpus = 0.25, Memory = 512 * MiB },
                },
            },
        };
        var task = Transform.Ok(Project(web)).Properties("WebTaskDefinition");
        Assert.Equal(new Str("1024"), task["Cpu"]);
        Assert.Equal(new Str("3072"), task["Memory"]);
    }

    [Fact]
    public void Task_size_falls_back_to_reservations_then_service_level_limits()
    {
        var reserved = Service("a") with { Deploy = new DeployConfig { Resources = new Resources { Reservations = new ResourceAmounts { Memory = 3 * GiB } } } };
        var serviceLevel = Service("b") with { Cpus = 2, MemLimit = 5 * GiB };
        var template = Transform.Ok(Project(reserved, serviceLevel));
        Assert.Equal(new Str("512"), template.Properties("ATaskDefinition")["Cpu"]);
        Assert.Equal(new Str("3072"), template.Properties("ATaskDefinition")["Memory"]);
        Assert.Equal(new Str("2048"), template.Properties("BTaskDefinition")["Cpu"]);
        Assert.Equal(new Str("5120"), template.Properties("BTaskDefinition")["Memory"]);
    }

    [Fact]
    public void Resources_beyond_the_largest_fargate_size_are_an_error_naming_service_and_field()
    {
        var big = Service("analytics") with
        {
            Deploy = new DeployConfig { Resources = new Resources { Limits = new ResourceAmounts { Cpus = 16, Memory = 128 * GiB } } },
        };
        var error = Assert.Single(Transform.Errors(Project(big)));
        Assert.Contains("service \"analytics\"", error);
        Assert.Contains("deploy.resources.limits", error);
    }
}
