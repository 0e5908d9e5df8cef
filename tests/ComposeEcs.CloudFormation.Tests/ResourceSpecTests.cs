using ComposeEcs.CloudFormation;
using static ComposeEcs.CloudFormation.Tests.Trees;

namespace ComposeEcs.CloudFormation.Tests;

public class ResourceSpecTests
{
    [Fact]
    public void The_embedded_spec_loads_and_lists_every_type_ComposeEcs_emits()
    {
        string[] emitted =
        [
            "AWS::ECS::Cluster", "AWS::ECS::ClusterCapacityProviderAssociations", "AWS::ECS::CapacityProvider", "AWS::ECS::Service",
            "AWS::ECS::TaskDefinition", "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "AWS::EC2::LaunchTemplate",
            "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancingV2::TargetGroup",
            "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::InstanceProfile", "AWS::Logs::LogGroup",
            "AWS::ServiceDiscovery::PrivateDnsNamespace", "AWS::ServiceDiscovery::Service", "AWS::EFS::FileSystem", "AWS::EFS::MountTarget",
            "AWS::EFS::AccessPoint", "AWS::SecretsManager::Secret", "AWS::ApplicationAutoScaling::ScalableTarget",
            "AWS::ApplicationAutoScaling::ScalingPolicy", "AWS::AutoScaling::AutoScalingGroup",
        ];

        Assert.All(emitted, type => Assert.True(ResourceSpec.Default.IsResourceType(type), type));
        Assert.Equal("AWS::ECS::TaskDefinition.ContainerDefinition", ResourceSpec.Default.Types["AWS::ECS::TaskDefinition"]["ContainerDefinitions"]);
        Assert.Equal("Tag", ResourceSpec.Default.Types["AWS::ECS::Service"]["Tags"]);
    }

    [Fact]
    public void A_well_formed_service_has_no_problems()
    {
        var tree = WithResources(("Web", Resource("AWS::ECS::Service",
            ("Cluster", Fn.Ref("AWS::StackName")),
            ("DeploymentConfiguration", Map(("DeploymentCircuitBreaker", Map(("Enable", true), ("Rollback", true))), ("MaximumPercent", 200))),
            ("NetworkConfiguration", Map(("AwsvpcConfiguration", Map(("Subnets", List("a")), ("SecurityGroups", List("sg")))))),
            ("ServiceConnectConfiguration", Map(("Enabled", true), ("Services", List(Map(("PortName", "http"), ("ClientAliases", List(Map(("Port", 80), ("DnsName", "web"))))))))),
            ("Tags", List(Map(("Key", "k"), ("Value", "v")))),
            ("PropagateTags", Fn.If("C", "SERVICE", Pseudo.NoValue)))));

        Assert.Empty(ResourceSpecCheck.Problems(tree));
    }

    [Fact]
    public void Unknown_types_and_misspelled_properties_are_reported_at_any_depth()
    {
        var tree = WithResources(
            ("Bucket", Resource("AWS::S3::Bucket")),
            ("Task", Map(("Type", "AWS::ECS::TaskDefinition"), ("Propertys", MapExpr.Empty), ("Properties", Map(
                ("Cpu", "256"),
                ("ContainerDefinitions", List(Map(
                    ("Name", "web"),
                    ("Image", "nginx"),
                    ("Healthcheck", Map(("Command", List("CMD")))),
                    ("LinuxParameters", Map(("Capabilities", Map(("Add", List("NET_ADMIN")), ("Remove", List("ALL")))))),
                    ("PortMappings", List(Map(("ContainerPort", 80), ("Protocol", "tcp"), ("Port", 1))))))),
                ("Volumes", List(Map(("Name", "data"), ("EFSVolumeConfiguration", Fn.If("C",
                    Map(("FilesystemId", "fs-1"), ("AuthorizationConfig", Map(("IAM", "ENABLED"), ("AccessPoint", "x")))),
                    Pseudo.NoValue))))))))));

        Assert.Equal(
            [
                "Resources.Bucket: type 'AWS::S3::Bucket' is not in ResourceSpec/resource-types.txt",
                "Resources.Task: 'Propertys' is not a resource attribute",
                "Resources.Task.Properties.ContainerDefinitions[0]: 'Healthcheck' is not a property of AWS::ECS::TaskDefinition.ContainerDefinition (did you mean 'HealthCheck'?)",
                "Resources.Task.Properties.ContainerDefinitions[0].LinuxParameters.Capabilities: 'Remove' is not a property of AWS::ECS::TaskDefinition.KernelCapabilities",
                "Resources.Task.Properties.ContainerDefinitions[0].PortMappings[0]: 'Port' is not a property of AWS::ECS::TaskDefinition.PortMapping",
                "Resources.Task.Properties.Volumes[0].EFSVolumeConfiguration.Fn::If[1].AuthorizationConfig: 'AccessPoint' is not a property of AWS::ECS::TaskDefinition.AuthorizationConfig",
            ],
            ResourceSpecCheck.Problems(tree));
    }

    [Fact]
    public void A_scalar_where_an_object_belongs_is_reported()
    {
        var tree = WithResources(("Web", Resource("AWS::ECS::Service", ("NetworkConfiguration", "awsvpc"))));

        Assert.Equal(["Resources.Web.Properties.NetworkConfiguration: expected AWS::ECS::Service.NetworkConfiguration, found \"awsvpc\""],
            ResourceSpecCheck.Problems(tree));
    }

    [Fact]
    public void The_spec_format_rejects_unknown_property_types_duplicates_and_unknown_clauses()
    {
        Assert.Throws<FormatException>(() => ResourceSpec.Parse("AWS::X::Y\n  A: Missing\n"));
        Assert.Throws<FormatException>(() => ResourceSpec.Parse("AWS::X::Y\n  A\n  A\n"));
        Assert.Throws<FormatException>(() => ResourceSpec.Parse("  A\n"));
        Assert.Throws<FormatException>(() => ResourceSpec.Parse("AWS::X::Y\n  A\n"));
        Assert.Throws<FormatException>(() => ResourceSpec.Parse("AWS::X::Y\n  A: String, optional\n"));
        Assert.Throws<FormatException>(() => ResourceSpec.Parse("AWS::X::Y\n  A: String, matching ([a-z]\n"));
        Assert.Throws<FormatException>(() => ResourceSpec.Parse("AWS::X::Y\n  A: Z, one of B | C\nAWS::X::Y.Z\n  B: String\n"));
        Assert.Equal("AWS::X::Y.Z", ResourceSpec.Parse("AWS::X::Y\n  A: List of Z\nAWS::X::Y.Z\n  B: String\n").Types["AWS::X::Y"]["A"]);
    }

    [Fact]
    public void TemplateAssert_accepts_the_sample_and_lists_every_problem_of_a_broken_template()
    {
        TemplateAssert.Valid(Trees.Sample());

        var broken = WithResources(("Web", Resource("AWS::ECS::Service", ("Clustr", Fn.Ref("Nope")))));
        var failure = Assert.ThrowsAny<Exception>(() => TemplateAssert.Valid(broken));

        Assert.Contains("2 problem(s)", failure.Message);
        Assert.Contains("Ref to 'Nope'", failure.Message);
        Assert.Contains("'Clustr' is not a property of AWS::ECS::Service", failure.Message);
    }
}
