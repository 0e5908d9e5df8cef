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

    private static Service Logging(string name, params (string Key, string Value)[] options) => Service(name) with
    {
        Logging = new ComposeEcs.Compose.Model.Logging("awslogs") { Options = Maps.From(options.Select(o => KeyValuePair.Create(o.Key, o.Value))) },
    };

    [Fact]
    public void A_custom_awslogs_group_is_created_with_the_project_retention_and_the_container_refers_to_it()
    {
        var template = Transform.Ok(Project(Logging("web", ("awslogs-group", "/ecs/storefront"))).WithExtensions(("x-aws-logs_retention", 30L)));
        var group = template.Properties("EcsstorefrontLogGroup");
        Assert.Equal(new Str("/ecs/storefront"), group["LogGroupName"]);
        Assert.Equal(new Num("30"), group["RetentionInDays"]);
        Assert.Equal(Fn.Ref("EcsstorefrontLogGroup"), template.Container("web").At("LogConfiguration.Options.awslogs-group"));
    }

    [Fact]
    public void Two_services_sharing_a_custom_group_get_one_log_group()
    {
        var template = Transform.Ok(Project(Logging("web", ("awslogs-group", "/ecs/shared")), Logging("api", ("awslogs-group", "/ecs/shared"))));
        Assert.Equal(["EcssharedLogGroup", "LogGroup"], template.OfType("AWS::Logs::LogGroup").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Awslogs_create_group_leaves_the_group_to_the_driver_and_lets_the_execution_role_create_it()
    {
        var template = Transform.Ok(Project(Logging("web", ("awslogs-group", "/existing/group"), ("awslogs-create-group", "true"))));
        Assert.Equal(["LogGroup"], template.OfType("AWS::Logs::LogGroup"));
        Assert.Equal(new Str("/existing/group"), template.Container("web").At("LogConfiguration.Options.awslogs-group"));
        var policy = template.Properties("WebTaskExecutionRole").At("Policies.0")!;
        Assert.Equal(new Str("logs:CreateLogGroup"), policy.At("PolicyDocument.Statement.0.Action.0"));
    }

    [Fact]
    public void Every_service_log_source_is_a_stack_output_the_logs_command_reads_back()
    {
        var template = Transform.Ok(Project(Logging("web", ("awslogs-group", "/ecs/storefront"), ("awslogs-stream-prefix", "store")), Service("worker")));
        var outputs = template.Outputs.Where(o => o.Key.EndsWith("Logs", StringComparison.Ordinal))
            .Select(o => (o.Key, Assert.IsType<Str>(o.Value.Value).Value, o.Value.Description));

        var (fallback, own) = LogSources.Read(outputs);

        Assert.Equal(new LogSource("/docker-compose/demo", "demo"), fallback);
        Assert.Equal(new LogSource("/ecs/storefront", "store"), Assert.Single(own, e => e.Key == "web").Value);
        Assert.DoesNotContain("worker", own.Keys);
        Assert.Equal("store/web/", own["web"].StreamsOf("web"));
    }

    [Theory]
    [InlineData("awslogs-group", "my logs")]
    [InlineData("awslogs-group", "arn:aws:logs:us-east-1:123456789012:log-group:x")]
    [InlineData("awslogs-stream-prefix", "a:b")]
    [InlineData("awslogs-create-group", "yes")]
    public void An_awslogs_option_cloudwatch_would_refuse_is_an_error_naming_it(string option, string value)
    {
        var error = Assert.Single(Transform.Errors(Project(Logging("web", (option, value)))));
        Assert.StartsWith($"service \"web\": logging.options.{option}:", error);
    }
}
