using System.Text.Json.Nodes;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>A created resource as Ref and Fn::GetAtt see it.</summary>
internal sealed record PhysicalResource(string Id, IReadOnlyDictionary<string, JsonNode?> Attributes);

/// <summary>Plausible physical ids and attributes per resource type (sg-…, service ARNs, role ARNs, DNS names, ...).</summary>
internal sealed class PhysicalResources(string region, string account, IdSource ids)
{

    private string Arn(string service, string resource) => $"arn:aws:{service}:{region}:{account}:{resource}";

    /// <summary>Creates (or, when previousId is given, updates in place) a resource.</summary>
    public PhysicalResource Create(string type, string logicalId, string stackName, JsonNode? props, string? existingId, bool replace)
    {
        var previousId = replace ? null : existingId;
        var key = $"{stackName}/{logicalId}/{existingId}";
        var salt = 0;
        string Hex(int n) => ids.Hex($"{key}/{salt++}", n);
        string Alnum(int n) => ids.Alnum($"{key}/{salt++}", n);
        string Named(string property, int max = 64) => Template.Text(props?[property])
            ?? previousId?.Split('/', ':').Last()
            ?? Truncate($"{stackName}-{logicalId}-{Alnum(12)}", max);
        string Id(string prefix) => previousId ?? $"{prefix}-{Hex(17)}";
        var attrs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        string id;
        switch (type)
        {
            case "AWS::ECS::Cluster":
                id = Named("ClusterName", 255);
                attrs["Arn"] = Arn("ecs", $"cluster/{id}");
                break;
            case "AWS::ECS::Service":
                var cluster = ClusterName(Template.Text(props?["Cluster"]) ?? "default");
                var name = Template.Text(props?["ServiceName"]) ?? previousId?.Split('/').Last() ?? $"{stackName}-{logicalId}-{Alnum(12)}";
                id = previousId ?? Arn("ecs", $"service/{cluster}/{name}");
                attrs["Name"] = name;
                attrs["ServiceArn"] = id;
                break;
            case "AWS::ECS::TaskDefinition":
                var family = Template.Text(props?["Family"]) ?? $"{stackName}-{logicalId}";
                id = Arn("ecs", $"task-definition/{family}:{NextRevision(existingId)}");
                attrs["TaskDefinitionArn"] = id;
                break;
            case "AWS::ECS::CapacityProvider":
                id = Named("Name", 255);
                break;
            case "AWS::EC2::SecurityGroup":
                id = Id("sg");
                attrs["GroupId"] = id;
                attrs["VpcId"] = Template.Text(props?["VpcId"]) ?? "vpc-0default";
                break;
            case "AWS::EC2::SecurityGroupIngress" or "AWS::EC2::SecurityGroupEgress":
                id = Id("sgr");
                break;
            case "AWS::EC2::LaunchTemplate":
                id = Id("lt");
                attrs["LaunchTemplateId"] = id;
                attrs["LatestVersionNumber"] = "1";
                attrs["DefaultVersionNumber"] = "1";
                break;
            case "AWS::ElasticLoadBalancingV2::LoadBalancer":
                var lbName = Named("Name", 32);
                var lbKind = Template.Text(props?["Type"]) == "network" ? "net" : "app";
                id = previousId ?? Arn("elasticloadbalancing", $"loadbalancer/{lbKind}/{lbName}/{Hex(16)}");
                lbName = id.Split('/')[^2];
                attrs["LoadBalancerName"] = lbName;
                attrs["LoadBalancerFullName"] = string.Join('/', id.Split('/')[^3..]);
                attrs["DNSName"] = $"{lbName}-{Math.Abs(id.GetHashCode()) % 1000000000}.{region}.elb.amazonaws.com";
                attrs["CanonicalHostedZoneID"] = "Z35SXDOTRQ7X7K";
                attrs["LoadBalancerArn"] = id;
                attrs["SecurityGroups"] = props?["SecurityGroups"]?.DeepClone() ?? new JsonArray();
                break;
            case "AWS::ElasticLoadBalancingV2::TargetGroup":
                var tgName = Named("Name", 32);
                id = previousId ?? Arn("elasticloadbalancing", $"targetgroup/{tgName}/{Hex(16)}");
                attrs["TargetGroupName"] = tgName;
                attrs["TargetGroupFullName"] = string.Join('/', id.Split('/')[^3..]);
                attrs["TargetGroupArn"] = id;
                attrs["LoadBalancerArns"] = new JsonArray();
                break;
            case "AWS::ElasticLoadBalancingV2::Listener":
                var lbArn = Template.Text(props?["LoadBalancerArn"]) ?? Arn("elasticloadbalancing", "loadbalancer/app/unknown/0");
                id = previousId ?? lbArn.Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal) + "/" + Hex(16);
                attrs["ListenerArn"] = id;
                break;
            case "AWS::ElasticLoadBalancingV2::ListenerRule":
                id = previousId ?? (Template.Text(props?["ListenerArn"]) ?? Arn("elasticloadbalancing", "listener/app/unknown/0/0"))
                    .Replace(":listener/", ":listener-rule/", StringComparison.Ordinal) + "/" + Hex(16);
                attrs["RuleArn"] = id;
                break;
            case "AWS::IAM::Role":
                id = Named("RoleName");
                attrs["Arn"] = $"arn:aws:iam::{account}:role/{id}";
                attrs["RoleId"] = "AROA" + Alnum(17);
                break;
            case "AWS::IAM::ManagedPolicy":
                id = previousId ?? $"arn:aws:iam::{account}:policy/{Named("ManagedPolicyName", 128)}";
                attrs["PolicyArn"] = id;
                break;
            case "AWS::IAM::InstanceProfile":
                id = Named("InstanceProfileName");
                attrs["Arn"] = $"arn:aws:iam::{account}:instance-profile/{id}";
                break;
            case "AWS::IAM::Policy" or "AWS::IAM::RolePolicy":
                id = previousId ?? $"{Truncate(stackName, 5)}-{Truncate(logicalId, 5)}-{Alnum(12)}";
                break;
            case "AWS::Logs::LogGroup":
                id = Named("LogGroupName", 512);
                attrs["Arn"] = Arn("logs", $"log-group:{id}:*");
                break;
            case "AWS::ServiceDiscovery::PrivateDnsNamespace" or "AWS::ServiceDiscovery::PublicDnsNamespace" or "AWS::ServiceDiscovery::HttpNamespace":
                id = previousId ?? "ns-" + Alnum(16).ToLowerInvariant();
                attrs["Id"] = id;
                attrs["Arn"] = Arn("servicediscovery", $"namespace/{id}");
                attrs["HostedZoneId"] = "Z" + Alnum(20);
                break;
            case "AWS::ServiceDiscovery::Service":
                id = previousId ?? "srv-" + Alnum(16).ToLowerInvariant();
                attrs["Id"] = id;
                attrs["Arn"] = Arn("servicediscovery", $"service/{id}");
                attrs["Name"] = Template.Text(props?["Name"]) ?? logicalId.ToLowerInvariant();
                break;
            case "AWS::EFS::FileSystem":
                id = Id("fs");
                attrs["FileSystemId"] = id;
                attrs["Arn"] = Arn("elasticfilesystem", $"file-system/{id}");
                break;
            case "AWS::EFS::MountTarget":
                id = Id("fsmt");
                attrs["IpAddress"] = $"172.31.{Convert.ToInt32(Hex(2), 16) % 48}.{Convert.ToInt32(Hex(2), 16) % 250 + 2}";
                break;
            case "AWS::EFS::AccessPoint":
                id = Id("fsap");
                attrs["AccessPointId"] = id;
                attrs["Arn"] = Arn("elasticfilesystem", $"access-point/{id}");
                break;
            case "AWS::SecretsManager::Secret":
                id = previousId ?? Arn("secretsmanager", $"secret:{Named("Name", 512)}-{Alnum(6)}");
                attrs["Id"] = id;
                break;
            case "AWS::ApplicationAutoScaling::ScalableTarget":
                id = previousId ?? $"{Template.Text(props?["ResourceId"])}|{Template.Text(props?["ScalableDimension"])}|{Template.Text(props?["ServiceNamespace"])}";
                break;
            case "AWS::ApplicationAutoScaling::ScalingPolicy":
                id = previousId ?? Arn("autoscaling", $"scalingPolicy:{ids.Guid(key)}:resource/{Template.Text(props?["PolicyName"]) ?? logicalId}");
                attrs["Arn"] = id;
                break;
            case "AWS::SSM::Parameter":
                id = Named("Name", 1011);
                attrs["Type"] = Template.Text(props?["Type"]) ?? "String";
                attrs["Value"] = Template.Text(props?["Value"]) ?? "";
                break;
            default:
                id = previousId ?? $"{Truncate(stackName, 20)}-{logicalId}-{Alnum(12)}";
                attrs["Arn"] = Arn(type.Split("::")[1].ToLowerInvariant(), id);
                break;
        }
        return new PhysicalResource(id, attrs);
    }

    /// <summary>"my-cluster" or "arn:aws:ecs:...:cluster/my-cluster" → "my-cluster".</summary>
    public static string ClusterName(string clusterOrArn) =>
        clusterOrArn.StartsWith("arn:", StringComparison.Ordinal) ? clusterOrArn[(clusterOrArn.LastIndexOf('/') + 1)..] : clusterOrArn;

    private static int NextRevision(string? previousArn) =>
        previousArn is not null && int.TryParse(previousArn[(previousArn.LastIndexOf(':') + 1)..], out var r) ? r + 1 : 1;

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
