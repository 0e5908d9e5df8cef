namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>Resource types the emulator accepts; anything else is "Unrecognized resource types" like CloudFormation says.</summary>
internal static class ResourceTypes
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::ECS::Cluster", "AWS::ECS::ClusterCapacityProviderAssociations", "AWS::ECS::CapacityProvider",
        "AWS::ECS::Service", "AWS::ECS::TaskDefinition", "AWS::ECS::TaskSet", "AWS::ECS::PrimaryTaskSet",
        "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress",
        "AWS::EC2::LaunchTemplate", "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::InternetGateway",
        "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::RouteTable", "AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation",
        "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancingV2::Listener",
        "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::ElasticLoadBalancingV2::ListenerCertificate",
        "AWS::ElasticLoadBalancingV2::TargetGroup",
        "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::InstanceProfile", "AWS::IAM::RolePolicy",
        "AWS::Logs::LogGroup", "AWS::Logs::LogStream", "AWS::Logs::SubscriptionFilter",
        "AWS::ServiceDiscovery::PrivateDnsNamespace", "AWS::ServiceDiscovery::PublicDnsNamespace",
        "AWS::ServiceDiscovery::HttpNamespace", "AWS::ServiceDiscovery::Service", "AWS::ServiceDiscovery::Instance",
        "AWS::EFS::FileSystem", "AWS::EFS::MountTarget", "AWS::EFS::AccessPoint",
        "AWS::SecretsManager::Secret", "AWS::SecretsManager::SecretTargetAttachment",
        "AWS::ApplicationAutoScaling::ScalableTarget", "AWS::ApplicationAutoScaling::ScalingPolicy",
        "AWS::AutoScaling::AutoScalingGroup", "AWS::AutoScaling::LaunchConfiguration", "AWS::AutoScaling::ScalingPolicy",
        "AWS::AutoScaling::LifecycleHook",
        "AWS::SSM::Parameter", "AWS::SSM::Document", "AWS::SSM::Association",
        "AWS::CloudFormation::WaitConditionHandle", "AWS::CloudFormation::WaitCondition", "AWS::CloudFormation::Stack",
        "AWS::CloudFormation::CustomResource", "AWS::CertificateManager::Certificate", "AWS::Route53::RecordSet",
        "AWS::Route53::HostedZone", "AWS::KMS::Key", "AWS::KMS::Alias", "AWS::S3::Bucket", "AWS::Lambda::Function",
    };

    public static bool IsKnown(string type) =>
        Known.Contains(type) || type.StartsWith("Custom::", StringComparison.Ordinal);

    private static readonly IReadOnlyDictionary<string, string?> IamNameProperties = new Dictionary<string, string?>
    {
        ["AWS::IAM::Role"] = "RoleName",
        ["AWS::IAM::ManagedPolicy"] = "ManagedPolicyName",
        ["AWS::IAM::InstanceProfile"] = "InstanceProfileName",
        ["AWS::IAM::Policy"] = null,
        ["AWS::IAM::RolePolicy"] = null,
        ["AWS::IAM::User"] = "UserName",
        ["AWS::IAM::Group"] = "GroupName",
    };

    /// <summary>CAPABILITY_NAMED_IAM when an IAM resource has a custom name, CAPABILITY_IAM for other IAM resources, else null.</summary>
    public static string? RequiredCapability(Template template)
    {
        string? needed = null;
        foreach (var resource in template.Resources.Values)
        {
            if (!IamNameProperties.TryGetValue(resource.Type, out var nameProperty)) continue;
            if (nameProperty is not null && resource.Properties?[nameProperty] is not null) return "CAPABILITY_NAMED_IAM";
            needed = "CAPABILITY_IAM";
        }
        return needed;
    }

    public static IReadOnlyList<string> IamResourceTypes(Template template) =>
        template.Resources.Values.Select(r => r.Type).Where(IamNameProperties.ContainsKey).Distinct().ToList();

    /// <summary>Fn::GetAtt attributes per type (CloudFormation reference, "Return values"); types not listed accept any.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Attributes = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["AWS::ECS::Cluster"] = ["Arn"],
        ["AWS::ECS::Service"] = ["Name", "ServiceArn"],
        ["AWS::ECS::TaskDefinition"] = ["TaskDefinitionArn"],
        ["AWS::EC2::SecurityGroup"] = ["GroupId", "VpcId"],
        ["AWS::EC2::SecurityGroupIngress"] = ["Id"],
        ["AWS::EC2::LaunchTemplate"] = ["DefaultVersionNumber", "LatestVersionNumber", "LaunchTemplateId"],
        ["AWS::ElasticLoadBalancingV2::LoadBalancer"] =
            ["CanonicalHostedZoneID", "DNSName", "LoadBalancerArn", "LoadBalancerFullName", "LoadBalancerName", "SecurityGroups"],
        ["AWS::ElasticLoadBalancingV2::TargetGroup"] = ["LoadBalancerArns", "TargetGroupArn", "TargetGroupFullName", "TargetGroupName"],
        ["AWS::ElasticLoadBalancingV2::Listener"] = ["ListenerArn"],
        ["AWS::ElasticLoadBalancingV2::ListenerRule"] = ["IsDefault", "RuleArn"],
        ["AWS::IAM::Role"] = ["Arn", "RoleId"],
        ["AWS::IAM::InstanceProfile"] = ["Arn"],
        ["AWS::IAM::Policy"] = ["Id"],
        ["AWS::Logs::LogGroup"] = ["Arn"],
        ["AWS::ServiceDiscovery::PrivateDnsNamespace"] = ["Arn", "HostedZoneId", "Id"],
        ["AWS::ServiceDiscovery::Service"] = ["Arn", "Id", "Name"],
        ["AWS::EFS::FileSystem"] = ["Arn", "FileSystemId"],
        ["AWS::EFS::MountTarget"] = ["Id", "IpAddress"],
        ["AWS::EFS::AccessPoint"] = ["AccessPointId", "Arn"],
        ["AWS::SecretsManager::Secret"] = ["Id"],
        ["AWS::ApplicationAutoScaling::ScalingPolicy"] = ["Arn", "Id"],
        ["AWS::SSM::Parameter"] = ["Type", "Value"],
    };

    public static bool SupportsAttribute(string type, string attribute) =>
        !Attributes.TryGetValue(type, out var attributes) || attributes.Contains(attribute);

    /// <summary>Per type, the properties whose change forces a new physical resource (from the CloudFormation reference's
    /// "Update requires: Replacement"); "*" means every property does (task definitions get a new revision).</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Replacing = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["AWS::ECS::Cluster"] = ["ClusterName"],
        ["AWS::ECS::Service"] = ["ServiceName", "Cluster", "LaunchType", "SchedulingStrategy", "Role"],
        ["AWS::ECS::TaskDefinition"] = ["*"],
        ["AWS::ECS::CapacityProvider"] = ["Name"],
        ["AWS::EC2::SecurityGroup"] = ["GroupDescription", "GroupName", "VpcId"],
        ["AWS::EC2::SecurityGroupIngress"] = ["GroupId", "GroupName", "IpProtocol", "FromPort", "ToPort", "CidrIp", "CidrIpv6", "SourceSecurityGroupId", "SourcePrefixListId"],
        ["AWS::EC2::LaunchTemplate"] = ["LaunchTemplateName"],
        ["AWS::ElasticLoadBalancingV2::LoadBalancer"] = ["Name", "Scheme", "Type"],
        ["AWS::ElasticLoadBalancingV2::TargetGroup"] = ["Name", "Port", "Protocol", "ProtocolVersion", "TargetType", "VpcId"],
        ["AWS::ElasticLoadBalancingV2::Listener"] = ["LoadBalancerArn"],
        ["AWS::ElasticLoadBalancingV2::ListenerRule"] = ["ListenerArn"],
        ["AWS::IAM::Role"] = ["RoleName", "Path"],
        ["AWS::IAM::Policy"] = [],
        ["AWS::IAM::ManagedPolicy"] = ["ManagedPolicyName", "Path"],
        ["AWS::IAM::InstanceProfile"] = ["InstanceProfileName", "Path"],
        ["AWS::Logs::LogGroup"] = ["LogGroupName"],
        ["AWS::ServiceDiscovery::PrivateDnsNamespace"] = ["Name", "Vpc"],
        ["AWS::ServiceDiscovery::Service"] = ["Name", "NamespaceId"],
        ["AWS::EFS::FileSystem"] = ["PerformanceMode", "Encrypted", "KmsKeyId", "AvailabilityZoneName"],
        ["AWS::EFS::MountTarget"] = ["FileSystemId", "SubnetId", "IpAddress"],
        ["AWS::EFS::AccessPoint"] = ["FileSystemId", "PosixUser", "RootDirectory", "ClientToken"],
        ["AWS::SecretsManager::Secret"] = ["Name"],
        ["AWS::ApplicationAutoScaling::ScalableTarget"] = ["ResourceId", "ScalableDimension", "ServiceNamespace"],
        ["AWS::ApplicationAutoScaling::ScalingPolicy"] = ["PolicyName", "ResourceId", "ScalableDimension", "ServiceNamespace", "ScalingTargetId"],
        ["AWS::AutoScaling::AutoScalingGroup"] = ["AutoScalingGroupName", "InstanceId"],
        ["AWS::SSM::Parameter"] = ["Name"],
    };

    public static bool RequiresReplacement(string type, string property) =>
        Replacing.TryGetValue(type, out var properties)
            ? properties.Contains("*") ? property != "Tags" : properties.Contains(property)
            : property == "Name" || property.EndsWith("Name", StringComparison.Ordinal);
}
