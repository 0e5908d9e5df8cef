namespace ComposeEcs.Deploy.Tests;

/// <summary>Small hand-written templates in the shape the transform produces.</summary>
internal static class Templates
{
    public static string WebApp(int desiredCount = 1, string image = "nginx:1.27") => $$"""
    {
      "AWSTemplateFormatVersion": "2010-09-09",
      "Parameters": {
        "VpcId": { "Type": "AWS::EC2::VPC::Id" },
        "SubnetIds": { "Type": "List<AWS::EC2::Subnet::Id>" }
      },
      "Resources": {
        "Cluster": { "Type": "AWS::ECS::Cluster", "Properties": { "ClusterName": "demo" } },
        "LogGroup": { "Type": "AWS::Logs::LogGroup", "Properties": { "LogGroupName": "/docker-compose/demo" } },
        "DefaultNetwork": { "Type": "AWS::EC2::SecurityGroup", "Properties": { "GroupDescription": "demo default", "VpcId": { "Ref": "VpcId" } } },
        "WebTaskExecutionRole": { "Type": "AWS::IAM::Role", "Properties": { "AssumeRolePolicyDocument": { "Version": "2012-10-17", "Statement": [] } } },
        "WebTaskDefinition": {
          "Type": "AWS::ECS::TaskDefinition",
          "Properties": {
            "Family": "demo-web", "Cpu": "256", "Memory": "512", "NetworkMode": "awsvpc",
            "ExecutionRoleArn": { "Fn::GetAtt": ["WebTaskExecutionRole", "Arn"] },
            "ContainerDefinitions": [ { "Name": "web", "Image": "{{image}}" } ]
          }
        },
        "WebService": {
          "Type": "AWS::ECS::Service",
          "Properties": {
            "Cluster": { "Ref": "Cluster" }, "DesiredCount": {{desiredCount}}, "LaunchType": "FARGATE",
            "TaskDefinition": { "Ref": "WebTaskDefinition" },
            "NetworkConfiguration": { "AwsvpcConfiguration": { "Subnets": { "Ref": "SubnetIds" }, "SecurityGroups": [ { "Ref": "DefaultNetwork" } ] } }
          }
        },
        "DataFileSystem": { "Type": "AWS::EFS::FileSystem", "DeletionPolicy": "Retain", "Properties": {} }
      },
      "Outputs": { "ClusterName": { "Value": { "Ref": "Cluster" } } }
    }
    """;
}
