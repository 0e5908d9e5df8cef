using System.Collections.Immutable;
using ComposeEcs.CloudFormation;

namespace ComposeEcs.CloudFormation.Tests;

/// <summary>Small builders and a sample template that exercises every section and every kind of value.</summary>
public static class Trees
{
    public static MapExpr Map(params (string Key, Expr Value)[] entries) => new(entries);

    public static ListExpr List(params Expr[] items) => new(items);

    public static MapExpr WithResources(params (string Id, Expr Resource)[] resources) =>
        Map(("AWSTemplateFormatVersion", "2010-09-09"), ("Resources", Map(resources)));

    public static MapExpr Resource(string type, params (string Key, Expr Value)[] properties) =>
        Map(("Type", type), ("Properties", Map(properties)));

    public static Template Sample() => new()
    {
        Description = "Sample: web + db\nsecond line",
        Parameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
            KeyValuePair.Create("Subnets", new Parameter("List<AWS::EC2::Subnet::Id>") { Description = "at least two subnets" }),
            KeyValuePair.Create("DbPassword", new Parameter("String") { NoEcho = true, MinLength = 1 }),
        ]),
        Conditions = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
            KeyValuePair.Create("HasPassword", Fn.Not(Fn.Equal(Fn.Ref("DbPassword"), ""))),
        ]),
        Resources = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
            KeyValuePair.Create("Cluster", new Resource("AWS::ECS::Cluster", Map(("ClusterName", "sample"),
                ("Tags", List(Map(("Key", "com.docker.compose.project"), ("Value", "sample"))))))),
            KeyValuePair.Create("LogGroup", new Resource("AWS::Logs::LogGroup", Map(
                ("LogGroupName", Fn.Sub("/docker-compose/${AWS::StackName}")), ("RetentionInDays", 7)))
            { DeletionPolicy = "Retain" }),
            KeyValuePair.Create("WebService", new Resource("AWS::ECS::Service", Map(
                ("Cluster", Fn.GetAtt("Cluster", "Arn")),
                ("DesiredCount", 2),
                ("EnableExecuteCommand", false),
                ("PropagateTags", Fn.If("HasPassword", "SERVICE", Pseudo.NoValue)),
                ("NetworkConfiguration", Map(("AwsvpcConfiguration", Map(("AssignPublicIp", "ENABLED"), ("Subnets", Fn.Ref("Subnets")))))),
                ("ServiceName", Fn.Join("-", Pseudo.StackName, "web")),
                ("PlacementConstraints", List())))
            { DependsOn = ["LogGroup"] }),
        ]),
        Outputs = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
            KeyValuePair.Create("ClusterArn", new Output(Fn.GetAtt("Cluster", "Arn")) { ExportName = Fn.Sub("${AWS::StackName}-cluster") }),
        ]),
    };
}
