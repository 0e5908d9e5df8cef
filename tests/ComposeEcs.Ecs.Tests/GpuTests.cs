using ComposeEcs.CloudFormation.Tests;

namespace ComposeEcs.Ecs.Tests;

public class GpuTests
{
    private const long GiB = 1024L * 1024 * 1024;

    private static Service Gpus(Service service, int count, long? memoryBytes = null) => service with
    {
        Deploy = new DeployConfig
        {
            Resources = new Compose.Model.Resources
            {
                Reservations = new ResourceAmounts { Memory = memoryBytes, Devices = [new DeviceRequest { Capabilities = ["gpu"], Count = count }] },
            },
        },
    };

    [Theory]
    [InlineData(1, 256, 512, "g4dn.xlarge")]
    [InlineData(1, 4096, 14745, "g4dn.xlarge")]
    [InlineData(1, 4096, 14746, "g4dn.2xlarge")]
    [InlineData(1, 8192, 16384, "g4dn.2xlarge")]
    [InlineData(1, 16384, 117964, "g4dn.8xlarge")]
    [InlineData(1, 16384, 117965, "g4dn.16xlarge")]
    [InlineData(2, 256, 512, "g4dn.12xlarge")]
    [InlineData(4, 16384, 65536, "g4dn.12xlarge")]
    [InlineData(4, 16384, 176947, "g4dn.12xlarge")]
    [InlineData(4, 16384, 176948, "p3.8xlarge")]
    [InlineData(5, 256, 512, "g4dn.metal")]
    [InlineData(8, 16384, 122880, "g4dn.metal")]
    public void Smallest_gpu_instance_that_fits(int gpus, int cpu, int memory, string expected)
    {
        Assert.Equal(expected, GpuInstanceTypes.Smallest(gpus, cpu, memory)?.Name);
    }

    [Fact]
    public void More_gpus_than_the_largest_instance_fit_nothing()
    {
        Assert.Null(GpuInstanceTypes.Smallest(GpuInstanceTypes.MaxGpus + 1, 256, 512));
        var error = Assert.Single(Transform.Errors(Project(Gpus(Service("huge"), 64))));
        Assert.Contains("64 GPUs is more than the largest supported instance has (8)", error);
    }

    [Fact]
    public void Gpu_service_runs_on_an_ec2_capacity_provider_with_a_gpu_requirement()
    {
        var template = Transform.Ok(Project(Gpus(Service("inference"), 1, 16 * GiB), Service("web")));
        TemplateAssert.Valid(template);
        var service = template.Resources["InferenceService"];
        Assert.Null(service.Properties["LaunchType"]);
        Assert.Equal(Fn.Ref("InferenceCapacityProvider"), service.Properties.At("CapacityProviderStrategy.0.CapacityProvider"));
        Assert.Equal(new Str("DISABLED"), service.Properties.At("NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp"));
        Assert.Contains(Gpu.Associations, service.DependsOn);
        var task = template.Properties("InferenceTaskDefinition");
        Assert.Equal(new ListExpr("EC2"), task["RequiresCompatibilities"]);
        Assert.Equal(new Str("awsvpc"), task["NetworkMode"]);
        Assert.Equal(new MapExpr(("Type", "GPU"), ("Value", "1")), template.Container("inference").At("ResourceRequirements.0"));

        Assert.Equal(new Str("FARGATE"), template.Properties("WebService")["LaunchType"]);
        Assert.Equal(new ListExpr("FARGATE"), template.Properties("WebTaskDefinition")["RequiresCompatibilities"]);
    }

    [Fact]
    public void Gpu_capacity_is_a_launch_template_on_the_gpu_ami_an_auto_scaling_group_and_a_managed_capacity_provider()
    {
        var template = Transform.Ok(Project(Gpus(Service("inference"), 1, 16 * GiB)));
        var ami = template.Parameters[Gpu.AmiParameter];
        Assert.Equal("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", ami.Type);
        Assert.Equal(new Str("/aws/service/ecs/optimized-ami/amazon-linux-2/gpu/recommended/image_id"), ami.Default);

        var data = template.Properties("InferenceLaunchTemplate")["LaunchTemplateData"]!;
        Assert.Equal(Fn.Ref(Gpu.AmiParameter), data.At("ImageId"));
        Assert.Equal(new Str("g4dn.2xlarge"), data.At("InstanceType"));
        Assert.Equal(Fn.GetAtt("InferenceInstanceProfile", "Arn"), data.At("IamInstanceProfile.Arn"));
        Assert.Contains("ECS_CLUSTER=${ClusterName}", data.At("UserData.Fn::Base64.Fn::Sub.0")!.ToString());
        Assert.Equal(Fn.Ref(LogicalIds.Cluster), data.At("UserData.Fn::Base64.Fn::Sub.1.ClusterName"));

        Assert.Contains("AmazonEC2ContainerServiceforEC2Role", template.Properties("InferenceInstanceRole").At("ManagedPolicyArns.0")!.ToString());
        Assert.Equal(Fn.Ref("InferenceAutoScalingGroup"), template.Properties("InferenceCapacityProvider").At("AutoScalingGroupProvider.AutoScalingGroupArn"));
        Assert.Equal(new Str("ENABLED"), template.Properties("InferenceCapacityProvider").At("AutoScalingGroupProvider.ManagedScaling.Status"));
        Assert.Equal(Fn.Sub("compose-${AWS::StackName}-inference"), template.Properties("InferenceCapacityProvider")["Name"]);
        var associations = template.Properties(Gpu.Associations);
        Assert.Equal(Fn.Ref(LogicalIds.Cluster), associations["Cluster"]);
        Assert.Equal(new ListExpr("FARGATE", Fn.Ref("InferenceCapacityProvider")), associations["CapacityProviders"]);
    }

    [Fact]
    public void Device_ids_and_generic_resources_count_gpus()
    {
        var ids = Service("render") with
        {
            Deploy = new DeployConfig { Resources = new Compose.Model.Resources { Reservations = new ResourceAmounts { Devices = [new DeviceRequest { Capabilities = ["gpu"], DeviceIds = ["0", "1"] }] } } },
        };
        var generic = Service("encoder") with
        {
            Deploy = new DeployConfig { Resources = new Compose.Model.Resources { Reservations = new ResourceAmounts { GenericResources = [new GenericResource("gpus", 2)] } } },
        };
        int? Count(Compose.Model.Service service) => Gpu.Count(service, AwsBinder.Bind(Project(service)).Settings.Of(service));
        Assert.Equal(2, Count(ids));
        Assert.Equal(2, Count(generic));
        Assert.Equal(0, Count(Service("web")));
    }

    [Fact]
    public void Count_all_is_an_error_asking_for_a_number()
    {
        var error = Assert.Single(Transform.Errors(Project(Gpus(Service("inference"), -1))));
        Assert.Contains("set count or device_ids", error);
    }

    [Fact]
    public void Gpu_with_an_existing_cluster_is_an_error()
    {
        var project = Project(Gpus(Service("inference"), 1)).WithExtensions(("x-aws-cluster", "shared"));
        Assert.Contains(Transform.Errors(project), e => e.Contains("would replace the capacity providers"));
    }

    [Fact]
    public void Gpu_service_warns_that_its_subnets_need_a_nat_gateway()
    {
        Assert.Contains(Transform.Warnings(Project(Gpus(Service("inference"), 1))), w => w.Message.Contains("NAT gateway"));
    }
}
