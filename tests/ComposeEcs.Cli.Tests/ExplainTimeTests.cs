namespace ComposeEcs.Cli.Tests;

public sealed class ExplainTimeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("compose-ecs-explain-").FullName;

    private Task<CliRun> Run(params string[] args) =>
        UpTestSupport.RunInAsync(_directory, new Dictionary<string, string>(StringComparer.Ordinal), CancellationToken.None, args);

    [Fact]
    public async Task Explain_time_prints_the_three_modeled_operations_and_the_aws_default_figures_instead_of_the_template()
    {
        File.WriteAllText(Path.Combine(_directory, "compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n    ports: [\"80:80\"]\n");

        var run = await Run("convert", "--explain-time");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("AWSTemplateFormatVersion", run.Out);
        Assert.Contains("first deploy: ", run.Out);
        Assert.Contains("  LoadBalancer ", run.Out);
        Assert.Contains("target healthy 20s", run.Out);
        Assert.Contains("update of WebService: ", run.Out);
        Assert.Contains("draining 15s", run.Out);
        Assert.Contains("teardown: ", run.Out);
        Assert.Contains("With AWS's target group defaults (30 s checks, 300 s draining): first deploy ", run.Out);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
