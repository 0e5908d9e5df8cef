namespace ComposeEcs.Ecs.Tests;

public class LoggingTests
{
    [Fact]
    public void Project_gets_one_log_group_without_retention_by_default()
    {
        var group = Transform.Ok(Project(Service("web"))).Properties("LogGroup");
        Assert.Equal(new Str("/docker-compose/demo"), group["LogGroupName"]);
        Assert.Null(group["RetentionInDays"]);
    }

    [Fact]
    public void X_aws_logs_retention_sets_the_retention()
    {
        var group = Transform.Ok(Project(Service("web")).WithExtensions(("x-aws-logs_retention", 7L))).Properties("LogGroup");
        Assert.Equal(new Num("7"), group["RetentionInDays"]);
    }

    [Theory]
    [InlineData(15L)]
    [InlineData("forever")]
    public void Retention_cloudwatch_does_not_accept_is_an_error(object value)
    {
        var error = Assert.Single(Transform.Errors(Project(Service("web")).WithExtensions(("x-aws-logs_retention", value))));
        Assert.StartsWith("x-aws-logs_retention:", error);
    }

    [Fact]
    public void Containers_log_to_the_project_group_with_awslogs()
    {
        var log = Transform.Ok(Project(Service("web"))).Container("web")["LogConfiguration"]!;
        Assert.Equal(new Str("awslogs"), log.At("LogDriver"));
        Assert.Equal(Fn.Ref("LogGroup"), log.At("Options.awslogs-group"));
        Assert.Equal(Pseudo.Region, log.At("Options.awslogs-region"));
        Assert.Equal(new Str("demo"), log.At("Options.awslogs-stream-prefix"));
    }

    [Fact]
    public void Awslogs_options_override_the_defaults()
    {
        var web = Service("web") with
        {
            Logging = new ComposeEcs.Compose.Model.Logging("awslogs")
            {
                Options = Maps.From([KeyValuePair.Create("awslogs-stream-prefix", "storefront"), KeyValuePair.Create("awslogs-datetime-format", "%Y"), KeyValuePair.Create("mode", "x")]),
            },
        };
        var options = Transform.Ok(Project(web)).Container("web").At("LogConfiguration.Options")!;
        Assert.Equal(new Str("storefront"), options.At("awslogs-stream-prefix"));
        Assert.Equal(new Str("%Y"), options.At("awslogs-datetime-format"));
        Assert.Null(options.At("mode"));
    }

    [Fact]
    public void Another_logging_driver_is_replaced_by_awslogs_with_a_warning()
    {
        var web = Service("web") with { Logging = new ComposeEcs.Compose.Model.Logging("json-file") { Options = Maps.From([KeyValuePair.Create("max-size", "10m")]) } };
        var warning = Assert.Single(Transform.Warnings(Project(web)));
        Assert.StartsWith("service \"web\": logging.driver: json-file", warning.Message);
        Assert.Equal(new Str("awslogs"), Transform.Ok(Project(web)).Container("web").At("LogConfiguration.LogDriver"));
    }
}
