using System.Text.Json.Nodes;

namespace ComposeEcs.Aws.Tests.Emulator;

/// <summary>Small JSON templates in the shape the transform emits.</summary>
internal static class Templates
{
    public static JsonObject App(int desiredCount = 2, string image = "nginx:1.27") => new()
    {
        ["AWSTemplateFormatVersion"] = "2010-09-09",
        ["Parameters"] = new JsonObject
        {
            ["VpcId"] = new JsonObject { ["Type"] = "AWS::EC2::VPC::Id", ["Default"] = "vpc-0default" },
            ["Subnets"] = new JsonObject { ["Type"] = "List<AWS::EC2::Subnet::Id>", ["Default"] = "subnet-0default1a,subnet-0default1b" },
            ["DbPassword"] = new JsonObject { ["Type"] = "String", ["NoEcho"] = true },
        },
        ["Resources"] = new JsonObject
        {
            ["Cluster"] = Resource("AWS::ECS::Cluster", new JsonObject { ["ClusterName"] = "demo" }),
            ["LogGroup"] = Resource("AWS::Logs::LogGroup", new JsonObject { ["LogGroupName"] = "/docker-compose/demo" }),
            ["DefaultNetwork"] = Resource("AWS::EC2::SecurityGroup", new JsonObject
            {
                ["GroupDescription"] = "demo default network", ["VpcId"] = Ref("VpcId"),
            }),
            ["DbPasswordSecret"] = Resource("AWS::SecretsManager::Secret", new JsonObject
            {
                ["Name"] = "demo/db-password", ["SecretString"] = Ref("DbPassword"),
            }),
            ["WebTaskExecutionRole"] = Resource("AWS::IAM::Role", new JsonObject
            {
                ["AssumeRolePolicyDocument"] = new JsonObject { ["Version"] = "2012-10-17" },
            }),
            ["WebTaskDefinition"] = Resource("AWS::ECS::TaskDefinition", new JsonObject
            {
                ["Family"] = "demo-web",
                ["ExecutionRoleArn"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray("WebTaskExecutionRole", "Arn") },
                ["ContainerDefinitions"] = new JsonArray(new JsonObject
                {
                    ["Name"] = "web", ["Image"] = image,
                    ["HealthCheck"] = new JsonObject { ["Command"] = new JsonArray("CMD", "true") },
                    ["LogConfiguration"] = new JsonObject
                    {
                        ["LogDriver"] = "awslogs",
                        ["Options"] = new JsonObject { ["awslogs-group"] = Ref("LogGroup"), ["awslogs-region"] = Ref("AWS::Region") },
                    },
                }),
            }),
            ["LoadBalancer"] = Resource("AWS::ElasticLoadBalancingV2::LoadBalancer", new JsonObject
            {
                ["Name"] = "demo-lb", ["Subnets"] = Ref("Subnets"), ["SecurityGroups"] = new JsonArray(Ref("DefaultNetwork")),
            }),
            ["WebTCP80TargetGroup"] = Resource("AWS::ElasticLoadBalancingV2::TargetGroup", new JsonObject
            {
                ["Port"] = 80, ["Protocol"] = "HTTP", ["TargetType"] = "ip", ["VpcId"] = Ref("VpcId"),
            }),
            ["WebTCP80Listener"] = Resource("AWS::ElasticLoadBalancingV2::Listener", new JsonObject
            {
                ["LoadBalancerArn"] = Ref("LoadBalancer"), ["Port"] = 80, ["Protocol"] = "HTTP",
                ["DefaultActions"] = new JsonArray(new JsonObject { ["Type"] = "forward", ["TargetGroupArn"] = Ref("WebTCP80TargetGroup") }),
            }),
            ["WebService"] = new JsonObject
            {
                ["Type"] = "AWS::ECS::Service",
                ["DependsOn"] = new JsonArray("WebTCP80Listener"),
                ["Properties"] = new JsonObject
                {
                    ["Cluster"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray("Cluster", "Arn") },
                    ["ServiceName"] = "web",
                    ["DesiredCount"] = desiredCount,
                    ["LaunchType"] = "FARGATE",
                    ["TaskDefinition"] = Ref("WebTaskDefinition"),
                    ["NetworkConfiguration"] = new JsonObject
                    {
                        ["AwsvpcConfiguration"] = new JsonObject { ["SecurityGroups"] = new JsonArray(Ref("DefaultNetwork")), ["Subnets"] = Ref("Subnets") },
                    },
                },
            },
        },
        ["Outputs"] = new JsonObject
        {
            ["LoadBalancerDns"] = new JsonObject { ["Value"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray("LoadBalancer", "DNSName") } },
            ["ServiceUrl"] = new JsonObject { ["Value"] = new JsonObject { ["Fn::Sub"] = "http://${LoadBalancer.DNSName}:80/${AWS::Region}" } },
        },
    };

    public static JsonObject Resource(string type, JsonObject properties) => new() { ["Type"] = type, ["Properties"] = properties };

    public static JsonObject Ref(string name) => new() { ["Ref"] = name };

    public static JsonObject Minimal(params (string Id, JsonObject Resource)[] resources) => new()
    {
        ["Resources"] = new JsonObject(resources.Select(r => KeyValuePair.Create(r.Id, (JsonNode?)r.Resource.DeepClone()))),
    };
}
