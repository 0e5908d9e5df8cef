using ComposeEcs.Aws.Endpoints;

namespace ComposeEcs.Aws.Tests.Endpoints;

public sealed class EndpointResolverTests
{
    [Theory]
    [InlineData("CLOUDFORMATION", "https://cloudformation.eu-west-1.amazonaws.com/")]
    [InlineData("ECS", "https://ecs.eu-west-1.amazonaws.com/")]
    [InlineData("CLOUDWATCH_LOGS", "https://logs.eu-west-1.amazonaws.com/")]
    [InlineData("SECRETS_MANAGER", "https://secretsmanager.eu-west-1.amazonaws.com/")]
    [InlineData("ELASTIC_LOAD_BALANCING_V2", "https://elasticloadbalancing.eu-west-1.amazonaws.com/")]
    [InlineData("EC2", "https://ec2.eu-west-1.amazonaws.com/")]
    [InlineData("SSM", "https://ssm.eu-west-1.amazonaws.com/")]
    [InlineData("STS", "https://sts.eu-west-1.amazonaws.com/")]
    public void Each_service_has_its_standard_regional_endpoint(string serviceId, string expected)
    {
        var service = AwsService.All.Single(s => s.EnvironmentId == serviceId);
        Assert.Equal(new Uri(expected), new EndpointResolver("eu-west-1").Resolve(service));
    }

    [Fact]
    public void China_regions_use_the_china_domain()
    {
        Assert.Equal(new Uri("https://ecs.cn-north-1.amazonaws.com.cn/"), new EndpointResolver("cn-north-1").Resolve(AwsService.Ecs));
    }

    [Theory]
    [InlineData("cloudformation", "cloudformation")]
    [InlineData("logs", "logs")]
    [InlineData("secretsmanager", "secretsmanager")]
    [InlineData("elasticloadbalancing", "elasticloadbalancing")]
    public void Signing_names_are_the_credential_scope_names(string signingName, string prefix)
    {
        Assert.Contains(AwsService.All, s => s.SigningName == signingName && s.EndpointPrefix == prefix);
    }

    [Fact]
    public void AWS_ENDPOINT_URL_overrides_every_service()
    {
        var resolver = Resolver(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"));
        Assert.All(AwsService.All, s => Assert.Equal(new Uri("http://127.0.0.1:4566/"), resolver.Resolve(s)));
    }

    [Fact]
    public void Service_specific_variable_wins_over_the_global_one_for_that_service_only()
    {
        var resolver = Resolver(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://127.0.0.1:9000/"));
        Assert.Equal(new Uri("http://127.0.0.1:9000/"), resolver.Resolve(AwsService.Logs));
        Assert.Equal(new Uri("http://127.0.0.1:4566/"), resolver.Resolve(AwsService.Ecs));
    }

    [Fact]
    public void Service_specific_variable_alone_leaves_other_services_on_their_default()
    {
        var resolver = Resolver(("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:9000/"));
        Assert.Equal(new Uri("http://127.0.0.1:9000/"), resolver.Resolve(AwsService.SecretsManager));
        Assert.Equal(new Uri("https://sts.us-east-1.amazonaws.com/"), resolver.Resolve(AwsService.Sts));
    }

    [Fact]
    public void Endpoint_url_flag_wins_over_the_environment()
    {
        var resolver = new EndpointResolver("us-east-1", new Uri("http://127.0.0.1:7000/"),
            name => name == "AWS_ENDPOINT_URL_ECS" ? "http://127.0.0.1:9000/" : null);
        Assert.Equal(new Uri("http://127.0.0.1:7000/"), resolver.Resolve(AwsService.Ecs));
    }

    [Fact]
    public void Configured_endpoint_variables_can_be_ignored()
    {
        var resolver = Resolver(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
        Assert.Equal(new Uri("https://ecs.us-east-1.amazonaws.com/"), resolver.Resolve(AwsService.Ecs));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    public void A_bad_endpoint_url_is_a_configuration_error(string value)
    {
        var resolver = Resolver(("AWS_ENDPOINT_URL", value));
        var error = Assert.Throws<AwsConfigurationException>(() => resolver.Resolve(AwsService.Ecs));
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-1", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("ap-southeast-4", true)]
    [InlineData("US-EAST-1", false)]
    [InlineData("evil.com/x", false)]
    [InlineData("", false)]
    public void Region_names_are_checked_before_building_urls(string region, bool valid)
    {
        Assert.Equal(valid, EndpointResolver.IsValidRegion(region));
        if (!valid)
            Assert.Throws<AwsConfigurationException>(() => new EndpointResolver(region));
    }

    private static EndpointResolver Resolver(params (string Name, string Value)[] variables) =>
        new("us-east-1", null, name => variables.FirstOrDefault(v => v.Name == name).Value);
}
