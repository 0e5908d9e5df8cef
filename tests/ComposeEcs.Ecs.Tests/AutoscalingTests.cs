using ComposeEcs.CloudFormation.Tests;

namespace ComposeEcs.Ecs.Tests;

public class AutoscalingTests
{
    private static Service Scaling(Service service, params (string Key, object? Value)[] settings) =>
        service with { Deploy = new DeployConfig { Extensions = Ext(("x-aws-autoscaling", Map(settings))) } };

    [Theory]
    [InlineData("cpu", "ECSServiceAverageCPUUtilization")]
    [InlineData("memory", "ECSServiceAverageMemoryUtilization")]
    public void Autoscaling_tracks_the_chosen_metric(string metric, string predefined)
    {
        var template = Transform.Ok(Project(Scaling(Service("web"), ("min", 1L), ("max", 10L), (metric, 75L))));
        TemplateAssert.Valid(template);
        var target = template.Properties("WebScalableTarget");
        Assert.Equal(new Num("1"), target["MinCapacity"]);
        Assert.Equal(new Num("10"), target["MaxCapacity"]);
        Assert.Equal(new Str("ecs:service:DesiredCount"), target["ScalableDimension"]);
        Assert.Equal(new Str("ecs"), target["ServiceNamespace"]);
        Assert.Null(target["RoleARN"]);
        Assert.Equal(Fn.Join("/", "service", Fn.Ref(LogicalIds.Cluster), Fn.GetAtt("WebService", "Name")), target["ResourceId"]);
        var policy = template.Properties("WebScalingPolicy");
        Assert.Equal(new Str("TargetTrackingScaling"), policy["PolicyType"]);
        Assert.Equal(Fn.Ref("WebScalableTarget"), policy["ScalingTargetId"]);
        Assert.Equal(new Str(predefined), policy.At("TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.PredefinedMetricType"));
        Assert.Equal(new Num("75"), policy.At("TargetTrackingScalingPolicyConfiguration.TargetValue"));
    }

    [Fact]
    public void Existing_cluster_arn_gives_the_cluster_name_in_the_resource_id()
    {
        var project = Project(Scaling(Service("web"), ("min", 1L), ("max", 3L), ("cpu", 50L)))
            .WithExtensions(("x-aws-cluster", "arn:aws:ecs:eu-west-1:123456789012:cluster/platform-shared"));
        var target = Transform.Ok(project).Properties("WebScalableTarget");
        Assert.Equal(Fn.Join("/", "service", "platform-shared", Fn.GetAtt("WebService", "Name")), target["ResourceId"]);
    }

    [Fact]
    public void Service_without_autoscaling_gets_no_scaling_resources()
    {
        var template = Transform.Ok(Project(Service("web")));
        Assert.Empty(template.OfType("AWS::ApplicationAutoScaling::ScalableTarget"));
    }

    [Theory]
    [InlineData(5L, 2L, "cpu", "min (5) is greater than max (2)")]
    [InlineData(1L, 3L, null, "set cpu or memory")]
    [InlineData(1L, 3L, "both", "not both")]
    [InlineData(1L, 3L, "cpu=150", "cpu: must be a utilisation percentage")]
    [InlineData(-1L, 3L, "cpu", "min: must be a whole number")]
    public void Invalid_autoscaling_is_an_error_naming_the_service_and_field(long min, long max, string? metric, string expected)
    {
        var settings = new List<(string, object?)> { ("min", min), ("max", max) };
        if (metric == "both") settings.AddRange([("cpu", 50L), ("memory", 50L)]);
        else if (metric == "cpu=150") settings.Add(("cpu", 150L));
        else if (metric is not null) settings.Add((metric, 50L));
        var error = Assert.Single(Transform.Errors(Project(Scaling(Service("web"), [.. settings]))));
        Assert.StartsWith("service \"web\": deploy.x-aws-autoscaling: ", error);
        Assert.Contains(expected, error);
    }
}
