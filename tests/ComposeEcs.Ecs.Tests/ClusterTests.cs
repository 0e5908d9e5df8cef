namespace ComposeEcs.Ecs.Tests;

public class ClusterTests
{
    [Fact]
    public void Cluster_is_named_after_the_project_and_tagged()
    {
        var cluster = Transform.Ok(Project(Service("web"))).Properties("Cluster");
        Assert.Equal(new Str("demo"), cluster["ClusterName"]);
        Assert.Equal([new Tag("com.docker.compose.project", "demo").ToExpr()], cluster["Tags"].Items());
    }

    [Fact]
    public void Cluster_name_and_arn_are_outputs()
    {
        var template = Transform.Ok(Project(Service("web")));
        Assert.Equal(Fn.Ref("Cluster"), template.Outputs["ClusterName"].Value);
        Assert.Equal(Fn.GetAtt("Cluster", "Arn"), template.Outputs["ClusterArn"].Value);
    }

    [Fact]
    public void Minimal_project_has_exactly_the_core_resources()
    {
        var template = Transform.Ok(Project(Service("web")));
        Assert.Equal(
            ["CloudMap", "Cluster", "DefaultNetwork", "DefaultNetworkIngress", "LogGroup", "WebService", "WebServiceDiscoveryEntry", "WebTaskDefinition", "WebTaskExecutionRole"],
            template.Resources.Keys.ToArray());
    }
}
