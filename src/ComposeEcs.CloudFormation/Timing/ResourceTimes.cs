using System.Collections.Immutable;

namespace ComposeEcs.CloudFormation.Timing;

/// <summary>Typical seconds CloudFormation spends creating, updating and deleting one resource of a type.</summary>
/// <param name="Source">Where the figure comes from (see README.md in this folder for the full references).</param>
public sealed record ResourceTime(double Create, double Update, double Delete, string Source);

/// <summary>
/// The table the deploy-time model and the emulator's scaled clock both read. Figures are typical, not worst cases:
/// the references and how each was chosen are in <c>Timing/README.md</c>. ECS services are modeled in
/// <see cref="EcsServiceTime"/> from what they wait for; their entry here is only CloudFormation's own share.
/// </summary>
public static class ResourceTimes
{
    public static readonly ResourceTime Unknown = new(10, 10, 10, "assumed");

    public static readonly ImmutableSortedDictionary<string, ResourceTime> Table = new Dictionary<string, ResourceTime>
    {
        ["AWS::ApplicationAutoScaling::ScalableTarget"] = new(5, 5, 5, "API call, no stabilization [cfn]"),
        ["AWS::ApplicationAutoScaling::ScalingPolicy"] = new(3, 3, 3, "API call, no stabilization [cfn]"),
        ["AWS::AutoScaling::AutoScalingGroup"] = new(60, 60, 180, "create returns before instances are in service; delete waits for instance termination [asg]"),
        ["AWS::EC2::LaunchTemplate"] = new(3, 3, 2, "API call [cfn]"),
        ["AWS::EC2::SecurityGroup"] = new(5, 3, 10, "delete waits for task network interfaces to be released [cfn]"),
        ["AWS::EC2::SecurityGroupIngress"] = new(3, 3, 2, "API call [cfn]"),
        ["AWS::ECR::Repository"] = new(3, 3, 3, "API call [cfn]"),
        ["AWS::ECS::CapacityProvider"] = new(5, 5, 5, "API call [cfn]"),
        ["AWS::ECS::Cluster"] = new(5, 3, 5, "API call; delete waits for the cluster to be empty [cfn]"),
        ["AWS::ECS::ClusterCapacityProviderAssociations"] = new(10, 10, 10, "cluster update [cfn]"),
        ["AWS::ECS::Service"] = new(15, 15, 15, "CloudFormation's share; the task's waits are in EcsServiceTime [cfn-ecs]"),
        ["AWS::ECS::TaskDefinition"] = new(2, 2, 2, "register/deregister call; an update is a replacement [cfn]"),
        ["AWS::EFS::AccessPoint"] = new(5, 5, 5, "API call [cfn]"),
        ["AWS::EFS::FileSystem"] = new(10, 5, 10, "available within seconds [efs]"),
        ["AWS::EFS::MountTarget"] = new(90, 5, 60, "network interface per subnet; about 1.5 minutes to become available [efs]"),
        ["AWS::ElasticLoadBalancingV2::Listener"] = new(3, 3, 3, "API call [cfn]"),
        ["AWS::ElasticLoadBalancingV2::ListenerRule"] = new(3, 3, 3, "API call [cfn]"),
        ["AWS::ElasticLoadBalancingV2::LoadBalancer"] = new(180, 10, 30, "provisioning until active takes about 3 minutes [elb]"),
        ["AWS::ElasticLoadBalancingV2::TargetGroup"] = new(3, 3, 3, "API call [cfn]"),
        ["AWS::IAM::Policy"] = new(15, 15, 5, "waits for IAM propagation [iam]"),
        ["AWS::IAM::Role"] = new(15, 10, 5, "waits for IAM propagation [iam]"),
        ["AWS::Logs::LogGroup"] = new(2, 2, 2, "API call [cfn]"),
        ["AWS::Route53::RecordSet"] = new(40, 40, 40, "waits for the change to be INSYNC, typically under a minute [r53]"),
        ["AWS::SecretsManager::Secret"] = new(3, 3, 3, "API call; delete only schedules deletion [cfn]"),
        ["AWS::ServiceDiscovery::PrivateDnsNamespace"] = new(45, 10, 35, "creates a private hosted zone; about 70 s create and delete in a measured run [sd]"),
        ["AWS::ServiceDiscovery::Service"] = new(3, 3, 3, "API call [cfn]"),
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    public static ResourceTime For(string type) => Table.GetValueOrDefault(type) ?? Unknown;
}
