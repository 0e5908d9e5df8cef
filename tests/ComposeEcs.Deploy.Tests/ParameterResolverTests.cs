using ComposeEcs.CloudFormation;
using ComposeEcs.Compose.Model;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Deploy.Tests;

public sealed class ParameterResolverTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("compose-ecs-params-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Template WithParameters(params (string Name, Parameter Parameter)[] parameters) =>
        new() { Parameters = Sorted.Empty<Parameter>().AddRange(parameters.Select(p => KeyValuePair.Create(p.Name, p.Parameter))) };

    private static readonly Template VpcTemplate = WithParameters(
        ("VpcId", new Parameter("AWS::EC2::VPC::Id")), ("SubnetIds", new Parameter("List<AWS::EC2::Subnet::Id>")));

    private ComposeProject Project(params Secret[] secrets) => new()
    {
        Name = "demo",
        WorkingDirectory = _directory,
        Secrets = Maps.From(secrets.Select(s => KeyValuePair.Create(s.Key, s))),
    };

    [Fact]
    public async Task Vpc_and_subnets_come_from_the_default_vpc()
    {
        await using var emulator = await Emulator.StartAsync();

        var result = await new ParameterResolver(emulator.Aws, _ => null).ResolveAsync(VpcTemplate, Project(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var values = result.Parameters.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("vpc-0default", values["VpcId"]);
        Assert.True(values["SubnetIds"]!.Split(',').Length >= 2);
    }

    [Fact]
    public async Task A_vpc_without_dns_hostnames_is_refused_with_the_fix_before_any_secret_is_written()
    {
        await using var emulator = await Emulator.StartAsync(new FakeAwsOptions { OtherVpcs = [new("vpc-0nodns", EnableDnsSupport: true, EnableDnsHostnames: false)] });
        await File.WriteAllTextAsync(Path.Combine(_directory, "compose.yaml"),
            "x-aws-vpc: vpc-0nodns\nx-aws-subnets: [subnet-0a, subnet-0b]\nservices:\n  web:\n    image: nginx\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, "db_password.txt"), "s3cr3t");
        var loaded = Compose.ComposeLoader.Load(new Compose.LoadOptions { WorkingDirectory = _directory });
        var project = loaded.Value! with { Secrets = Maps.From([KeyValuePair.Create("db_password", new Secret("db_password") { Name = "demo_db_password", File = Path.Combine(_directory, "db_password.txt") })]) };
        var template = WithParameters(("DbpasswordSecretArn", new Parameter("String")));

        var result = await new ParameterResolver(emulator.Aws, _ => null).ResolveAsync(template, project, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("VPC vpc-0nodns has enableDnsHostnames turned off", result.Error);
        Assert.Contains("aws ec2 modify-vpc-attribute --vpc-id vpc-0nodns --enable-dns-hostnames", result.Error);
        Assert.DoesNotContain("enableDnsSupport", result.Error);
        Assert.DoesNotContain(emulator.Server.Requests, r => r.Action is "CreateSecret" or "PutSecretValue");
    }

    [Fact]
    public async Task Without_a_default_vpc_the_error_says_to_set_x_aws_vpc()
    {
        await using var emulator = await Emulator.StartAsync(new FakeAwsOptions { HasDefaultVpc = false });

        var result = await new ParameterResolver(emulator.Aws, _ => null).ResolveAsync(VpcTemplate, Project(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("no default VPC", result.Error);
        Assert.Contains("x-aws-vpc", result.Error);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public async Task A_NoEcho_parameter_gets_the_content_of_its_secret_file_and_masks_it()
    {
        await using var emulator = await Emulator.StartAsync();
        var file = Path.Combine(_directory, "db_password.txt");
        await File.WriteAllTextAsync(file, "s3cr3t");
        var template = WithParameters(("DbpasswordSecret", new Parameter("String") { NoEcho = true }));

        var result = await new ParameterResolver(emulator.Aws, _ => null)
            .ResolveAsync(template, Project(new Secret("db_password") { Name = "demo_db_password", File = file }), CancellationToken.None);

        var parameter = Assert.Single(result.Parameters);
        Assert.Equal("s3cr3t", parameter.Value);
        Assert.DoesNotContain("s3cr3t", parameter.ToString());
    }

    [Fact]
    public async Task A_secret_from_the_environment_is_read_from_the_given_environment()
    {
        await using var emulator = await Emulator.StartAsync();
        var template = WithParameters(("ApitokenSecret", new Parameter("String") { NoEcho = true }));

        var result = await new ParameterResolver(emulator.Aws, name => name == "API_TOKEN" ? "t0ken" : null)
            .ResolveAsync(template, Project(new Secret("api-token") { Name = "api-token", Environment = "API_TOKEN" }), CancellationToken.None);

        Assert.Equal("t0ken", Assert.Single(result.Parameters).Value);
    }

    [Fact]
    public async Task The_gpu_ami_comes_from_the_ecs_ssm_parameter()
    {
        await using var emulator = await Emulator.StartAsync();
        var template = WithParameters(("GpuAmiId", new Parameter("AWS::EC2::Image::Id")));

        var result = await new ParameterResolver(emulator.Aws, _ => null).ResolveAsync(template, Project(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.StartsWith("ami-", Assert.Single(result.Parameters).Value);
    }

    [Fact]
    public async Task An_ssm_typed_ami_parameter_is_left_to_cloudformation_which_resolves_its_default_path()
    {
        await using var emulator = await Emulator.StartAsync();
        var template = WithParameters(("GpuAmiId", new Parameter("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>")
        {
            Default = new Str(ParameterConventions.GpuAmiSsmParameter),
        }));

        var result = await new ParameterResolver(emulator.Aws, _ => null).ResolveAsync(template, Project(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Parameters);
    }

    [Fact]
    public async Task Parameters_with_defaults_are_left_to_the_template()
    {
        await using var emulator = await Emulator.StartAsync();
        var template = WithParameters(("LogRetention", new Parameter("Number") { Default = new Num("7") }));

        var result = await new ParameterResolver(emulator.Aws, _ => null).ResolveAsync(template, Project(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Parameters);
    }

    [Theory]
    [InlineData("DbpasswordSecret", "db_password", true)]
    [InlineData("DbPassword", "db-password", true)]
    [InlineData("DbpasswordSecretValue", "db_password", true)]
    [InlineData("DbpasswordOther", "db_password", false)]
    [InlineData("Api", "db_password", false)]
    public void Secret_parameters_are_matched_by_normalised_name(string parameter, string secret, bool matches) =>
        Assert.Equal(matches, ParameterConventions.IsParameterOfSecret(parameter, secret));
}
