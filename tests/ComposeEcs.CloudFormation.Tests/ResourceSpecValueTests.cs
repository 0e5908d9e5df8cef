using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using static ComposeEcs.CloudFormation.Tests.Trees;

namespace ComposeEcs.CloudFormation.Tests;

/// <summary>The value rules of <see cref="ResourceSpecCheck"/>: required properties, value shapes, allowed values.</summary>
public class ResourceSpecValueTests
{
    private static IReadOnlyList<string> Problems(string type, params (string Key, Expr Value)[] properties) =>
        ResourceSpecCheck.Problems(WithResources(("R", Resource(type, properties))));

    private static MapExpr Container(params (string Key, Expr Value)[] extra) =>
        Map([("Name", "web"), ("Image", "nginx"), .. extra]);

    [Fact]
    public void The_embedded_spec_knows_which_properties_are_required()
    {
        PropertySpec Property(string type, string name) => ResourceSpec.Default.Properties[type][name];

        Assert.True(Property("AWS::EC2::SecurityGroup", "GroupDescription").Required);
        Assert.True(Property("AWS::ECS::TaskDefinition.ContainerDefinition", "Name").Required);
        Assert.True(Property("AWS::ECS::TaskDefinition.ContainerDefinition", "Image").Required);
        Assert.True(Property("AWS::ElasticLoadBalancingV2::Listener", "DefaultActions").Required);
        Assert.True(Property("AWS::ElasticLoadBalancingV2::Listener", "LoadBalancerArn").Required);
        Assert.DoesNotContain(ResourceSpec.Default.Properties["AWS::ElasticLoadBalancingV2::TargetGroup"].Values, p => p.Required);
        Assert.DoesNotContain(ResourceSpec.Default.Properties["AWS::ECS::TaskDefinition.PortMapping"].Values, p => p.Required);
        Assert.DoesNotContain(ResourceSpec.Default.Properties["AWS::ECS::TaskDefinition.KeyValuePair"].Values, p => p.Required);
        Assert.Equal(new ListShape(new NestedShape("AWS::ECS::TaskDefinition.ContainerDefinition")), Property("AWS::ECS::TaskDefinition", "ContainerDefinitions").Shape);
        Assert.Equal(["EC2", "FARGATE", "EXTERNAL"], Property("AWS::ECS::Service", "LaunchType").AllowedValues.AsEnumerable());
    }

    [Fact]
    public void Missing_required_properties_are_reported_at_any_depth_and_when_Properties_is_absent()
    {
        var tree = WithResources(
            ("Group", Resource("AWS::EC2::SecurityGroup", ("VpcId", "vpc-1"))),
            ("Listener", Map(("Type", "AWS::ElasticLoadBalancingV2::Listener"))),
            ("Task", Resource("AWS::ECS::TaskDefinition", ("ContainerDefinitions", List(Map(("Name", "web")))))),
            ("Targets", Resource("AWS::ElasticLoadBalancingV2::TargetGroup")),
            ("Task2", Resource("AWS::ECS::TaskDefinition", ("ContainerDefinitions", List(Container(
                ("PortMappings", List(MapExpr.Empty)), ("Environment", List(MapExpr.Empty))))))));

        Assert.Equal(
            [
                "Resources.Group.Properties: required property 'GroupDescription' of AWS::EC2::SecurityGroup is missing",
                "Resources.Listener.Properties: required property 'DefaultActions' of AWS::ElasticLoadBalancingV2::Listener is missing",
                "Resources.Listener.Properties: required property 'LoadBalancerArn' of AWS::ElasticLoadBalancingV2::Listener is missing",
                "Resources.Task.Properties.ContainerDefinitions[0]: required property 'Image' of AWS::ECS::TaskDefinition.ContainerDefinition is missing",
            ],
            ResourceSpecCheck.Problems(tree));
    }

    [Fact]
    public void An_object_or_a_list_where_a_scalar_belongs_is_reported()
    {
        Assert.Equal(
            [
                "Resources.R.Properties.Cluster: expected String, found an object",
                "Resources.R.Properties.DesiredCount: expected Integer, found a list",
            ],
            Problems("AWS::ECS::Service", ("Cluster", Map(("Name", "c"))), ("DesiredCount", List(1))));
    }

    [Fact]
    public void A_scalar_or_an_object_where_a_list_belongs_is_reported()
    {
        Assert.Equal(
            [
                "Resources.R.Properties.ContainerDefinitions: expected a list of AWS::ECS::TaskDefinition.ContainerDefinition, found an object",
                "Resources.R.Properties.RequiresCompatibilities: expected a list of String, found \"FARGATE\"",
            ],
            Problems("AWS::ECS::TaskDefinition", ("ContainerDefinitions", Container()), ("RequiresCompatibilities", "FARGATE")));
    }

    [Fact]
    public void Integers_accept_numeric_strings_but_not_words_fractions_or_booleans()
    {
        Assert.Empty(Problems("AWS::ECS::Service", ("DesiredCount", "2"), ("HealthCheckGracePeriodSeconds", 60)));
        Assert.Equal(
            [
                "Resources.R.Properties.DesiredCount: expected Integer, found \"two\"",
                "Resources.R.Properties.HealthCheckGracePeriodSeconds: expected Integer, found 1.5",
                "Resources.R.Properties.DeploymentConfiguration.MaximumPercent: expected Integer, found true",
            ],
            Problems("AWS::ECS::Service", ("DesiredCount", "two"), ("HealthCheckGracePeriodSeconds", 1.5),
                ("DeploymentConfiguration", Map(("MaximumPercent", true)))));
    }

    [Fact]
    public void Booleans_accept_true_and_false_strings_but_nothing_else()
    {
        Assert.Empty(Problems("AWS::ECS::Service", ("EnableExecuteCommand", "true"), ("EnableECSManagedTags", false)));
        Assert.Equal(
            [
                "Resources.R.Properties.EnableExecuteCommand: expected Boolean, found \"yes\"",
                "Resources.R.Properties.EnableECSManagedTags: expected Boolean, found 1",
            ],
            Problems("AWS::ECS::Service", ("EnableExecuteCommand", "yes"), ("EnableECSManagedTags", 1)));
    }

    [Fact]
    public void Numbers_accept_fractions_and_numeric_strings_but_not_words()
    {
        MapExpr Policy(Expr target) => Map(("PredefinedMetricSpecification", Map(("PredefinedMetricType", "ECSServiceAverageCPUUtilization"))),
            ("TargetValue", target));

        Assert.Empty(Problems("AWS::ApplicationAutoScaling::ScalingPolicy", ("PolicyName", "p"), ("PolicyType", "TargetTrackingScaling"),
            ("TargetTrackingScalingPolicyConfiguration", Policy(70.5))));
        Assert.Equal(
            ["Resources.R.Properties.TargetTrackingScalingPolicyConfiguration.TargetValue: expected Number, found \"seventy\""],
            Problems("AWS::ApplicationAutoScaling::ScalingPolicy", ("PolicyName", "p"), ("PolicyType", "TargetTrackingScaling"),
                ("TargetTrackingScalingPolicyConfiguration", Policy("seventy"))));
    }

    [Fact]
    public void Strings_accept_numbers_and_booleans_since_CloudFormation_converts_them()
    {
        Assert.Empty(Problems("AWS::ECS::TaskDefinition", ("Cpu", 256), ("Memory", "512"), ("Family", true)));
    }

    [Fact]
    public void Values_outside_an_enum_are_reported_case_sensitively()
    {
        var tree = WithResources(
            ("Service", Resource("AWS::ECS::Service", ("LaunchType", "fargate"), ("PropagateTags", "SERVICE"),
                ("NetworkConfiguration", Map(("AwsvpcConfiguration", Map(("AssignPublicIp", "true"))))))),
            ("Task", Resource("AWS::ECS::TaskDefinition", ("NetworkMode", "awsvpc"), ("Cpu", "256"), ("Memory", "512"), ("RequiresCompatibilities", List("FARGATE", "LAMBDA")),
                ("RuntimePlatform", Map(("CpuArchitecture", "arm64"), ("OperatingSystemFamily", "LINUX"))),
                ("ContainerDefinitions", List(Container(
                    ("DependsOn", List(Map(("ContainerName", "init"), ("Condition", "SUCCEEDED")))),
                    ("ResourceRequirements", List(Map(("Type", "gpu"), ("Value", "1"))))))))),
            ("Listener", Resource("AWS::ElasticLoadBalancingV2::Listener", ("LoadBalancerArn", "arn"), ("Protocol", "HTTP2"),
                ("DefaultActions", List(Map(("Type", "forward")))))),
            ("Targets", Resource("AWS::ElasticLoadBalancingV2::TargetGroup", ("Protocol", "HTTP"), ("TargetType", "IP"), ("HealthCheckProtocol", "UDP"))),
            ("Balancer", Resource("AWS::ElasticLoadBalancingV2::LoadBalancer", ("Scheme", "public"), ("Type", "application"))),
            ("Files", Resource("AWS::EFS::FileSystem", ("PerformanceMode", "generalPurpose"), ("ThroughputMode", "Elastic"))),
            ("Logs", Resource("AWS::Logs::LogGroup", ("RetentionInDays", 8))),
            ("Scaling", Resource("AWS::ApplicationAutoScaling::ScalableTarget", ("MaxCapacity", 4), ("MinCapacity", 1), ("ResourceId", "service/c/s"),
                ("ScalableDimension", "ecs:service:desiredCount"), ("ServiceNamespace", "ecs"))));

        Assert.Equal(
            [
                "Resources.Service.Properties.LaunchType: \"fargate\" is not one of EC2, FARGATE, EXTERNAL",
                "Resources.Service.Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp: \"true\" is not one of DISABLED, ENABLED",
                "Resources.Task.Properties.RequiresCompatibilities[1]: \"LAMBDA\" is not one of EC2, FARGATE, EXTERNAL",
                "Resources.Task.Properties.RuntimePlatform.CpuArchitecture: \"arm64\" is not one of X86_64, ARM64",
                "Resources.Task.Properties.ContainerDefinitions[0].DependsOn[0].Condition: \"SUCCEEDED\" is not one of START, COMPLETE, SUCCESS, HEALTHY",
                "Resources.Task.Properties.ContainerDefinitions[0].ResourceRequirements[0].Type: \"gpu\" is not one of GPU, InferenceAccelerator",
                "Resources.Listener.Properties.Protocol: \"HTTP2\" is not one of HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE, QUIC, TCP_QUIC",
                "Resources.Targets.Properties.TargetType: \"IP\" is not one of instance, ip, lambda, alb",
                "Resources.Targets.Properties.HealthCheckProtocol: \"UDP\" is not one of HTTP, HTTPS, TCP",
                "Resources.Balancer.Properties.Scheme: \"public\" is not one of internet-facing, internal",
                "Resources.Files.Properties.ThroughputMode: \"Elastic\" is not one of bursting, provisioned, elastic",
                "Resources.Logs.Properties.RetentionInDays: 8 is not one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
                "Resources.Scaling.Properties.ScalableDimension: \"ecs:service:desiredCount\" is not one of ecs:service:DesiredCount",
            ],
            ResourceSpecCheck.Problems(tree));
    }

    [Fact]
    public void Integer_enums_compare_by_value()
    {
        Assert.Empty(Problems("AWS::Logs::LogGroup", ("RetentionInDays", "7")));
        Assert.Empty(Problems("AWS::Logs::LogGroup", ("RetentionInDays", 30)));
    }

    [Fact]
    public void Intrinsic_functions_are_accepted_for_scalars_lists_and_enums_but_both_If_branches_are_checked()
    {
        Assert.Empty(Problems("AWS::ECS::Service",
            ("DesiredCount", Fn.Ref("Count")),
            ("LaunchType", Fn.Sub("${Launch}")),
            ("NetworkConfiguration", Map(("AwsvpcConfiguration", Map(("Subnets", Fn.Ref("Subnets")), ("SecurityGroups", List(Fn.GetAtt("G", "GroupId"))))))),
            ("LoadBalancers", Fn.If("C", List(Map(("ContainerPort", 80))), Pseudo.NoValue))));
        Assert.Equal(
            ["Resources.R.Properties.LaunchType.Fn::If[2]: \"fargate\" is not one of EC2, FARGATE, EXTERNAL"],
            Problems("AWS::ECS::Service", ("LaunchType", Fn.If("C", "FARGATE", "fargate"))));
    }

    [Fact]
    public void Resource_level_policies_must_be_allowed_values()
    {
        var tree = WithResources(
            ("Logs", Map(("Type", "AWS::Logs::LogGroup"), ("DeletionPolicy", "Retain"), ("UpdateReplacePolicy", "Retain"))),
            ("Files", Map(("Type", "AWS::EFS::FileSystem"), ("DeletionPolicy", "Snapshot"), ("UpdateReplacePolicy", "retain"))));

        Assert.Equal(
            [
                "Resources.Files.DeletionPolicy: \"Snapshot\" is not one of Delete, Retain, RetainExceptOnCreate",
                "Resources.Files.UpdateReplacePolicy: \"retain\" is not one of Delete, Retain",
            ],
            ResourceSpecCheck.Problems(tree));
    }

    [Fact]
    public void Null_values_are_reported()
    {
        Assert.Equal(["Resources.R.Properties.ClusterName: null is not allowed (CloudFormation rejects null values in templates)"],
            Problems("AWS::ECS::Cluster", ("ClusterName", Null.Instance)));
    }

    [Fact]
    public void Policy_documents_are_objects_or_JSON_strings()
    {
        Assert.Empty(Problems("AWS::IAM::Policy", ("PolicyName", "p"), ("PolicyDocument", "{\"Version\": \"2012-10-17\"}")));
        Assert.Empty(Problems("AWS::IAM::Policy", ("PolicyName", "p"), ("PolicyDocument", Map(("Version", "2012-10-17")))));
        Assert.Equal(
            [
                "Resources.R.Properties.PolicyDocument: expected a JSON document, found a string that is not JSON",
            ],
            Problems("AWS::IAM::Policy", ("PolicyName", "p"), ("PolicyDocument", "Allow everything")));
        Assert.Equal(
            ["Resources.R.Properties.AssumeRolePolicyDocument: expected a JSON document (an object or a string), found a list"],
            Problems("AWS::IAM::Role", ("AssumeRolePolicyDocument", List(Map(("Effect", "Allow"))))));
    }

    [Fact]
    public void Map_of_String_values_must_be_scalars()
    {
        Assert.Equal(
            [
                "Resources.R.Properties.ContainerDefinitions[0].DockerLabels.team: expected String, found an object",
                "Resources.R.Properties.ContainerDefinitions[0].LogConfiguration.Options: expected an object, found a list",
            ],
            Problems("AWS::ECS::TaskDefinition", ("ContainerDefinitions", List(Container(
                ("DockerLabels", Map(("team", Map(("name", "web"))))),
                ("LogConfiguration", Map(("LogDriver", "awslogs"), ("Options", List("awslogs-group")))))))));
    }

    [Fact]
    public void Names_must_follow_the_rules_the_ECS_API_states()
    {
        var tree = WithResources(
            ("Task", Resource("AWS::ECS::TaskDefinition", ("Family", "shop-my.svc"), ("ContainerDefinitions", List(Map(
                ("Name", "my.svc"), ("Image", "nginx"), ("PortMappings", List(Map(("ContainerPort", 80), ("Name", "Web-80"))))))))),
            ("Service", Resource("AWS::ECS::Service", ("ServiceConnectConfiguration", Map(("Enabled", true), ("Services", List(Map(
                ("PortName", "web-80"), ("ClientAliases", List(Map(("DnsName", "Backend_API"), ("Port", 80)), Map(("DnsName", "my.svc"), ("Port", 81))))))))))));

        Assert.Equal(
            [
                "Resources.Task.Properties.Family: \"shop-my.svc\" does not match ^[A-Za-z0-9_-]{1,255}$",
                "Resources.Task.Properties.ContainerDefinitions[0].Name: \"my.svc\" does not match ^[A-Za-z0-9_-]{1,255}$",
                "Resources.Task.Properties.ContainerDefinitions[0].PortMappings[0].Name: \"Web-80\" does not match ^[a-z0-9_][a-z0-9_-]{0,63}$",
                "Resources.Service.Properties.ServiceConnectConfiguration.Services[0].ClientAliases[0].DnsName: \"Backend_API\" does not match ^[a-z0-9_.][a-z0-9_.-]{0,126}$",
            ],
            ResourceSpecCheck.Problems(tree));
    }

    [Fact]
    public void The_spec_format_reads_types_required_and_allowed_values()
    {
        var spec = ResourceSpec.Parse("""
            AWS::X::Y
              A: List of Z, required
              B: Integer, one of 1 | 3 | 5
              C: Map of String
              D: Json
              E: Map
              G: List of String, one of a | b, matching ^[a-z]{1,3}$
            AWS::X::Y.Z
              F: Boolean
            """);

        var y = spec.Properties["AWS::X::Y"];
        Assert.Equal(new PropertySpec(new ListShape(new NestedShape("AWS::X::Y.Z")), true, []), y["A"]);
        Assert.Equal(new PropertySpec(new ScalarShape(ScalarKind.Integer), false, ["1", "3", "5"]), y["B"]);
        Assert.Equal(new MapShape(new ScalarShape(ScalarKind.String)), y["C"].Shape);
        Assert.Equal(new JsonShape(), y["D"].Shape);
        Assert.Equal(new MapShape(null), y["E"].Shape);
        Assert.Equal(new PropertySpec(new ListShape(new ScalarShape(ScalarKind.String)), false, ["a", "b"], "^[a-z]{1,3}$"), y["G"]);
        Assert.Null(spec.Types["AWS::X::Y"]["B"]);
        Assert.Equal(ImmutableArray<string>.Empty, spec.Properties["AWS::X::Y.Z"]["F"].AllowedValues);
    }
}
