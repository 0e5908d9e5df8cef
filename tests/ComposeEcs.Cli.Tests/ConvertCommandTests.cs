using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Tests;

namespace ComposeEcs.Cli.Tests;

public sealed class ConvertCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("compose-ecs-convert-").FullName;

    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);

    private Task<CliRun> Run(params string[] args) => UpTestSupport.RunInAsync(_directory, NoEnvironment, CancellationToken.None, args);

    private void Write(string yaml) => File.WriteAllText(Path.Combine(_directory, "compose.yaml"), yaml);

    [Fact]
    public async Task Convert_prints_the_template_alone_on_stdout_and_exits_0()
    {
        Write("services:\n  web:\n    image: nginx:1.27\n    ports: [\"80:80\"]\n");

        var run = await Run("convert");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("AWSTemplateFormatVersion: \"2010-09-09\"\n", run.Out);
        Assert.Contains("AWS::ElasticLoadBalancingV2::LoadBalancer", run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Json_and_yaml_describe_the_same_template()
    {
        Write("services:\n  api:\n    image: ghcr.io/example/api:1\n    expose: [\"8080\"]\n");

        var yaml = await Run("convert");
        var json = await Run("convert", "--format", "json");

        Assert.Equal(0, json.ExitCode);
        Assert.Equal(TemplateReader.FromJson(json.Out), YamlBack.Parse(yaml.Out));
    }

    [Fact]
    public async Task Warnings_go_to_stderr_and_the_template_still_to_stdout()
    {
        Write("services:\n  app:\n    image: ghcr.io/example/app:1\n    hostname: app01\n");

        var run = await Run("convert");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("compose.yaml:4:5: warning CE2003: service \"app\": hostname: ignored, awsvpc tasks cannot set a hostname\n", run.Error);
        Assert.DoesNotContain("warning", run.Out);
    }

    [Fact]
    public async Task Secret_parameters_that_up_fills_are_named_and_their_content_printed_nowhere()
    {
        Write("services:\n  app:\n    image: ghcr.io/example/app:1\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./db_password.txt\n");
        File.WriteAllText(Path.Combine(_directory, "db_password.txt"), "hunter2-very-secret");

        var run = await Run("convert");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("DbpasswordSecretArn", run.Error);
        Assert.DoesNotContain("NoEcho: true", run.Out);
        Assert.DoesNotContain("hunter2", run.Out + run.Error);
    }

    [Fact]
    public async Task A_missing_secret_file_is_a_warning_at_convert()
    {
        Write("services:\n  app:\n    image: ghcr.io/example/app:1\n    secrets: [token]\nsecrets:\n  token:\n    file: ./token.txt\n");

        var run = await Run("convert");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning CE2061: secret \"token\": file ./token.txt does not exist", run.Error);
    }

    [Fact]
    public async Task A_rejected_field_is_one_line_with_its_position_and_exit_code_2()
    {
        Write("services:\n  app:\n    image: ghcr.io/example/app:1\n    network_mode: none\n");

        var run = await Run("convert");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("compose.yaml:4:5: error CE2002: service \"app\": network_mode:", run.Error);
    }

    [Fact]
    public async Task A_missing_compose_file_is_a_clear_error_with_exit_code_2()
    {
        var run = await Run("convert", "-f", "missing.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing.yaml", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Output_option_writes_the_template_to_a_file()
    {
        Write("services:\n  app:\n    image: ghcr.io/example/app:1\n");

        var run = await Run("convert", "-o", "template.json", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        var written = await File.ReadAllTextAsync(Path.Combine(_directory, "template.json"));
        Assert.Contains("\"AWS::ECS::Cluster\"", written);
    }

    [Fact]
    public async Task Converting_twice_gives_byte_identical_output()
    {
        Write("services:\n  web:\n    image: nginx:1.27\n    ports: [\"80:8080\"]\n  db:\n    image: postgres:16\n    expose: [\"5432\"]\n");

        var first = await Run("convert");
        var second = await Run("convert");

        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public async Task An_unknown_format_is_a_usage_error()
    {
        Write("services:\n  app:\n    image: ghcr.io/example/app:1\n");

        var run = await Run("convert", "--format", "xml");

        Assert.Equal(2, run.ExitCode);
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
