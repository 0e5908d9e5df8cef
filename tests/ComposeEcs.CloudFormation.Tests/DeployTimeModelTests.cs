using System.Collections.Immutable;
using ComposeEcs.CloudFormation.Timing;

namespace ComposeEcs.CloudFormation.Tests;

public class DeployTimeModelTests
{
    private static ImmutableSortedDictionary<string, ImmutableSortedSet<string>> Graph(params (string Node, string[] Needs)[] nodes) =>
        nodes.ToImmutableSortedDictionary(n => n.Node, n => n.Needs.ToImmutableSortedSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static MapExpr Tree(string json) => (MapExpr)TemplateReader.FromJson(json);

    [Fact]
    public void Critical_path_is_the_longest_chain_of_waits()
    {
        var durations = new Dictionary<string, double> { ["A"] = 2, ["B"] = 3, ["C"] = 5, ["D"] = 1 };
        var result = CriticalPath.Of(Graph(("A", []), ("B", ["A"]), ("C", ["A"]), ("D", ["B", "C"])), id => durations[id]);
        Assert.Equal(8, result.Total);
        Assert.Equal(["A", "C", "D"], result.Path.ToArray());
        Assert.Equal(5, result.Finish["B"]);
    }

    [Fact]
    public void Independent_resources_run_in_parallel_and_ties_go_to_the_smaller_id()
    {
        var result = CriticalPath.Of(Graph(("X", []), ("Y", []), ("Z", [])), _ => 4);
        Assert.Equal(4, result.Total);
        Assert.Equal(["X"], result.Path.ToArray());
    }

    [Fact]
    public void Deletion_runs_the_graph_backwards()
    {
        var durations = new Dictionary<string, double> { ["Cluster"] = 5, ["Service"] = 40, ["Log"] = 2 };
        var reversed = CriticalPath.Reversed(Graph(("Cluster", []), ("Log", []), ("Service", ["Cluster", "Log"])));
        var result = CriticalPath.Of(reversed, id => durations[id]);
        Assert.Equal(45, result.Total);
        Assert.Equal(["Service", "Cluster"], result.Path.ToArray());
    }

    [Fact]
    public void A_cycle_does_not_hang_the_model()
    {
        var result = CriticalPath.Of(Graph(("A", ["B"]), ("B", ["A"])), _ => 1);
        Assert.Equal(2, result.Total);
    }

    private const string LoadBalanced = """
        {"Resources": {
          "Cluster": {"Type": "AWS::ECS::Cluster"},
          "Lb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer"},
          "Tg": {"Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": {"HealthCheckIntervalSeconds": 10,
                 "TargetGroupAttributes": [{"Key": "deregistration_delay.timeout_seconds", "Value": "15"}]}},
          "Listener": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"LoadBalancerArn": {"Ref": "Lb"},
                       "DefaultActions": [{"Type": "forward", "TargetGroupArn": {"Ref": "Tg"}}]}},
          "Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "web", "Image": "nginx"}]}},
          "Web": {"Type": "AWS::ECS::Service", "DependsOn": "Listener", "Properties": {"Cluster": {"Ref": "Cluster"},
                  "TaskDefinition": {"Ref": "Task"}, "HealthCheckGracePeriodSeconds": 60,
                  "LoadBalancers": [{"ContainerName": "web", "ContainerPort": 80, "TargetGroupArn": {"Ref": "Tg"}}]}}
        }}
        """;

    [Fact]
    public void First_deploy_waits_for_the_load_balancer_then_the_service_until_its_target_is_healthy()
    {
        var deploy = DeployTimeModel.Explain(Tree(LoadBalanced)).FirstDeploy;
        Assert.Equal(["(change set)", "Lb", "Listener", "Web"], deploy.Steps.Select(s => s.Id));
        var web = deploy.Steps[^1];
        Assert.Equal(["CloudFormation 15s", "task start 30s", "image pull 15s", "target healthy 20s"], web.Waits.Select(w => w.ToString()));
        Assert.Equal(10 + 180 + 3 + 80, deploy.Total);
    }

    [Fact]
    public void Updating_one_service_replaces_its_task_definition_then_drains_the_old_task()
    {
        var update = DeployTimeModel.Explain(Tree(LoadBalanced)).ServiceUpdate!;
        Assert.Equal("update of Web", update.Operation);
        Assert.Equal(["(change set)", "Task", "Web"], update.Steps.Select(s => s.Id));
        Assert.Contains("draining 15s", update.Steps[^1].Waits.Select(w => w.ToString()));
        Assert.Equal(10 + 2 + (15 + 30 + 15 + 20 + 15 + 5), update.Total);
    }

    [Fact]
    public void Teardown_deletes_the_service_first_and_the_load_balancer_after_its_listener()
    {
        var teardown = DeployTimeModel.Explain(Tree(LoadBalanced)).Teardown;
        Assert.Equal(["Web", "Listener", "Lb"], teardown.Steps.Select(s => s.Id));
        Assert.Equal((15 + 15 + 5) + 3 + 30, teardown.Total);
    }

    [Fact]
    public void With_aws_defaults_a_target_takes_thirty_seconds_to_check_and_five_minutes_to_drain()
    {
        var before = DeployTimeModel.Explain(DeployTimeModel.WithAwsDefaults(Tree(LoadBalanced)));
        Assert.Contains("target healthy 40s", before.FirstDeploy.Steps[^1].Waits.Select(w => w.ToString()));
        Assert.Contains("draining 5m 00s", before.Teardown.Steps[0].Waits.Select(w => w.ToString()));
        Assert.Equal((15 + 300 + 5) + 3 + 30, before.Teardown.Total);
    }

    [Fact]
    public void Fn_sub_references_are_edges_like_ref()
    {
        var tree = Tree("""
            {"Resources": {
              "Role": {"Type": "AWS::IAM::Role"},
              "Policy": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": {"Fn::Sub": "${Role}-policy"}}}
            }}
            """);
        Assert.Equal(new[] { "(change set)", "Role", "Policy" }, DeployTimeModel.Explain(tree).FirstDeploy.Steps.Select(s => s.Id));
        Assert.Equal(10 + 15 + 15, DeployTimeModel.Explain(tree).FirstDeploy.Total);
    }

    [Fact]
    public void A_container_health_check_longer_than_the_target_check_sets_the_wait()
    {
        var tree = Tree("""
            {"Resources": {
              "Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [
                {"Name": "db", "Image": "postgres", "HealthCheck": {"Command": ["CMD", "true"], "Interval": 45}}]}},
              "Db": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": {"Ref": "Task"}, "DesiredCount": 1}}
            }}
            """);
        Assert.Contains("container healthy 45s", DeployTimeModel.Explain(tree).FirstDeploy.Steps[^1].Waits.Select(w => w.ToString()));
    }

    [Fact]
    public void A_retained_resource_is_skipped_on_teardown_and_takes_no_time()
    {
        var tree = Tree("""
            {"Resources": {
              "Fs": {"Type": "AWS::EFS::FileSystem", "DeletionPolicy": "Retain"},
              "Mount": {"Type": "AWS::EFS::MountTarget", "Properties": {"FileSystemId": {"Ref": "Fs"}}}
            }}
            """);
        Assert.Equal(0, ResourceDurations.Seconds(tree, "Fs", ResourceOperation.Delete));
        Assert.Equal(10, ResourceDurations.Seconds(tree, "Fs", ResourceOperation.Create));
        Assert.Equal(60, DeployTimeModel.Explain(tree).Teardown.Total);
    }

    [Fact]
    public void Every_table_entry_names_its_source()
    {
        Assert.All(ResourceTimes.Table.Values, t => Assert.False(string.IsNullOrWhiteSpace(t.Source)));
        Assert.Equal(180, ResourceTimes.For("AWS::ElasticLoadBalancingV2::LoadBalancer").Create);
        Assert.Equal(ResourceTimes.Unknown, ResourceTimes.For("AWS::Example::Thing"));
    }
}
