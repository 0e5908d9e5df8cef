using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Aws.Tests.Protocol;

/// <summary>A stack shaped like the transform's output: a cluster with three services, a load balancer with three listeners, a secret.</summary>
public static class DemoStack
{
    public const string Name = "demo";
    public const string DbPassword = "p@ss w0rd&=+/ünïcode";

    public static readonly IReadOnlyList<StackParameter> Parameters = [new("DbPassword", DbPassword, NoEcho: true), new("Image", "nginx:1.27")];

    public static string Template(int webReplicas = 3) => $$"""
    {
      "AWSTemplateFormatVersion": "2010-09-09",
      "Description": "demo compose project",
      "Parameters": {
        "DbPassword": { "Type": "String", "NoEcho": true },
        "Image": { "Type": "String", "Default": "nginx:latest", "Description": "web image" },
        "VpcId": { "Type": "AWS::EC2::VPC::Id", "Default": "vpc-0default" },
        "Subnets": { "Type": "List<AWS::EC2::Subnet::Id>", "Default": "subnet-0default1a,subnet-0default1b" }
      },
      "Resources": {
        "Cluster": { "Type": "AWS::ECS::Cluster", "Properties": { "ClusterName": "demo" } },
        "LogGroup": { "Type": "AWS::Logs::LogGroup", "Properties": { "LogGroupName": "/docker-compose/demo" } },
        "DefaultNetwork": { "Type": "AWS::EC2::SecurityGroup", "Properties": { "GroupDescription": "demo default", "VpcId": { "Ref": "VpcId" } } },
        "DbPasswordSecret": { "Type": "AWS::SecretsManager::Secret", "Properties": { "Name": "demo/db-password", "SecretString": { "Ref": "DbPassword" } } },
        "ExecutionRole": { "Type": "AWS::IAM::Role", "Properties": { "AssumeRolePolicyDocument": { "Version": "2012-10-17" } } },
        "TaskDefinition": { "Type": "AWS::ECS::TaskDefinition", "Properties": {
          "Family": "demo-web",
          "ExecutionRoleArn": { "Fn::GetAtt": ["ExecutionRole", "Arn"] },
          "ContainerDefinitions": [ { "Name": "web", "Image": { "Ref": "Image" } } ] } },
        "LoadBalancer": { "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {
          "Name": "demo-lb", "Subnets": { "Ref": "Subnets" }, "SecurityGroups": [ { "Ref": "DefaultNetwork" } ] } },
        "TargetGroup": { "Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": { "Port": 80, "Protocol": "HTTP", "TargetType": "ip", "VpcId": { "Ref": "VpcId" } } },
        {{Listener(80)}},
        {{Listener(8080)}},
        {{Listener(9090)}},
        {{Service("Web", "web", webReplicas)}},
        {{Service("Api", "api", 1)}},
        {{Service("Worker", "worker", 1)}}
      },
      "Outputs": {
        "LoadBalancerDns": { "Value": { "Fn::GetAtt": ["LoadBalancer", "DNSName"] }, "Description": "public name" },
        "ClusterName": { "Value": { "Ref": "Cluster" } }
      }
    }
    """;

    private static string Listener(int port) => $$"""
        "Listener{{port}}": { "Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {
          "LoadBalancerArn": { "Ref": "LoadBalancer" }, "Port": {{port}}, "Protocol": "HTTP",
          "DefaultActions": [ { "Type": "forward", "TargetGroupArn": { "Ref": "TargetGroup" } } ] } }
    """;

    private static string Service(string id, string name, int replicas) => $$"""
        "{{id}}Service": { "Type": "AWS::ECS::Service", "DependsOn": ["Listener80"], "Properties": {
          "Cluster": { "Fn::GetAtt": ["Cluster", "Arn"] }, "ServiceName": "{{name}}", "DesiredCount": {{replicas}},
          "LaunchType": "FARGATE", "TaskDefinition": { "Ref": "TaskDefinition" },
          "NetworkConfiguration": { "AwsvpcConfiguration": { "SecurityGroups": [ { "Ref": "DefaultNetwork" } ], "Subnets": { "Ref": "Subnets" } } } } }
    """;
}
