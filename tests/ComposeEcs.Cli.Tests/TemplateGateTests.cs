using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Tests;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Cli.Tests;

public sealed class TemplateGateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("compose-ecs-gate-").FullName;

    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);

    private Task<CliRun> Run(params string[] args) => UpTestSupport.RunInAsync(_directory, NoEnvironment, CancellationToken.None, args);

    private static Template Cyclic() => new()
    {
        Resources = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new[]
        {
            KeyValuePair.Create("A", new Resource("AWS::SNS::Topic", MapExpr.Empty) { DependsOn = ["B"] }),
            KeyValuePair.Create("B", new Resource("AWS::SNS::Topic", MapExpr.Empty) { DependsOn = ["A"] }),
        }),
    };

    private static ComposeProject Project(params (string Key, object? Value)[] extensions) => new()
    {
        Name = "demo",
        WorkingDirectory = "/work/demo",
        Extensions = new Extensions(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, extensions.Select(e => KeyValuePair.Create(e.Key, e.Value)))),
    };

    [Fact]
    public void A_template_that_fails_a_check_is_an_internal_error_naming_the_check()
    {
        var error = Assert.Throws<TemplateCheckFailedException>(() => TemplateGate.Check(Project(), Cyclic()));
        Assert.Equal("dependency-cycle", error.Problem.Check);
        Assert.Equal("template check \"dependency-cycle\" failed: Resources: dependency cycle A -> B -> A", error.Message);
    }

    [Fact]
    public void A_cycle_the_user_patched_in_is_bad_input_not_an_internal_error()
    {
        var error = TemplateGate.Check(Project(("x-aws-cloudformation", ImmutableSortedDictionary<string, object?>.Empty)), Cyclic());
        Assert.Equal("x-aws-cloudformation: the merged template would be refused by CloudFormation: Resources: dependency cycle A -> B -> A", error?.Message);
        Assert.Equal(DiagnosticCodes.Overlay.Id, error?.Code);
    }

    [Fact]
    public async Task Convert_of_a_cycle_made_by_x_aws_cloudformation_exits_2_with_nothing_on_stdout()
    {
        File.WriteAllText(Path.Combine(_directory, "compose.yaml"),
            "services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n" +
            "x-aws-cloudformation:\n  Resources:\n    DbService:\n      DependsOn: [WebService]\n    WebService:\n      DependsOn: [DbService]\n");

        var run = await Run("convert");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal("compose.yaml:6:1: error CE2070: x-aws-cloudformation: the merged template would be refused by CloudFormation: Resources: dependency cycle DbService -> WebService -> DbService\n", run.Error);
    }

    [Fact]
    public async Task The_commonest_compose_shape_converts_to_a_template_that_passes_every_check()
    {
        File.WriteAllText(Path.Combine(_directory, "compose.yaml"),
            "services:\n  web: {image: nginx, ports: [\"80:80\"], depends_on: [db]}\n  db: {image: \"postgres:16\", environment: {POSTGRES_PASSWORD: x}}\n");

        var run = await Run("convert");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(TemplateChecks.Problems((MapExpr)YamlBack.Parse(run.Out)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
