namespace ComposeEcs.Ecs.Tests;

public class IamTests
{
    [Fact]
    public void Each_service_gets_a_task_execution_role_assumed_by_ecs_tasks()
    {
        var role = Transform.Ok(Project(Service("web"))).Properties("WebTaskExecutionRole");
        Assert.Equal(new Str("ecs-tasks.amazonaws.com"), role.At("AssumeRolePolicyDocument.Statement.0.Principal.Service"));
        Assert.Equal(new ListExpr("sts:AssumeRole"), role.At("AssumeRolePolicyDocument.Statement.0.Action"));
        Assert.Equal(new ListExpr(Fn.Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")), role["ManagedPolicyArns"]);
        Assert.Contains(new Tag("com.docker.compose.service", "web").ToExpr(), role["Tags"].Items());
    }

    [Fact]
    public void No_task_role_unless_asked_for()
    {
        var template = Transform.Ok(Project(Service("web")));
        Assert.DoesNotContain("WebTaskRole", template.Resources.Keys);
    }

    [Fact]
    public void X_aws_policies_give_a_task_role_with_those_managed_policies()
    {
        const string arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
        var template = Transform.Ok(Project(Service("uploader").WithExtensions(("x-aws-policies", List(arn)))));
        Assert.Equal(new ListExpr(arn), template.Properties("UploaderTaskRole")["ManagedPolicyArns"]);
        Assert.Equal(Fn.GetAtt("UploaderTaskRole", "Arn"), template.Properties("UploaderTaskDefinition")["TaskRoleArn"]);
    }

    [Fact]
    public void X_aws_role_becomes_an_inline_policy_of_the_task_role()
    {
        var document = Map(("Version", "2012-10-17"), ("Statement", List(Map(("Effect", "Allow"), ("Action", List("sqs:ReceiveMessage")), ("Resource", "arn:aws:sqs:us-east-1:123456789012:jobs")))));
        var role = Transform.Ok(Project(Service("queue-reader").WithExtensions(("x-aws-role", document)))).Properties("QueuereaderTaskRole");
        Assert.Equal(new Str("QueuereaderPolicy"), role.At("Policies.0.PolicyName"));
        Assert.Equal(new ListExpr("sqs:ReceiveMessage"), role.At("Policies.0.PolicyDocument.Statement.0.Action"));
        Assert.Null(role["ManagedPolicyArns"]);
    }

    [Fact]
    public void X_aws_policies_that_is_not_a_list_of_arns_is_an_error()
    {
        var error = Assert.Single(Transform.Errors(Project(Service("web").WithExtensions(("x-aws-policies", "arn:aws:iam::aws:policy/X")))));
        Assert.StartsWith("service \"web\": x-aws-policies:", error);
    }
}
