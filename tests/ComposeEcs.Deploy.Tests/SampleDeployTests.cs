using ComposeEcs.TestSupport;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;
using ComposeEcs.Ecs;

namespace ComposeEcs.Deploy.Tests;

/// <summary>The template <c>convert</c> makes of each sample deploys on the emulator; a failing resource surfaces its reason.</summary>
public sealed class SampleDeployTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Repository.Samples).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task The_converted_sample_deploys_to_create_complete(string sample)
    {
        await using var emulator = await Emulator.StartAsync();
        var (project, template) = Convert(sample);

        var result = await DeployAsync(emulator, project, template);

        Assert.True(result.Outcome == UpOutcome.Deployed, $"{result.Outcome}: {result.Failure}");
        Assert.Equal("CREATE_COMPLETE", result.Stack?.StackStatus);
        Assert.Equal(template.Resources.Count, emulator.Server.Stack(StackNames.For(project.Name))!.Resources.Count);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task A_failing_service_of_a_sample_surfaces_its_reason(string sample)
    {
        await using var emulator = await Emulator.StartAsync();
        var (project, template) = Convert(sample);
        var service = template.Resources.First(r => r.Value.Type == "AWS::ECS::Service").Key;
        emulator.Server.FailResource(service, $"Resource handler returned message: \"{service} failed to stabilize\"");

        var result = await DeployAsync(emulator, project, template);

        Assert.Equal(UpOutcome.Failed, result.Outcome);
        Assert.Equal(service, result.Failure?.LogicalId);
        Assert.Contains("failed to stabilize", result.Failure?.Reason);
        Assert.Equal("ROLLBACK_COMPLETE", emulator.Server.Stack(StackNames.For(project.Name))!.Status);
    }

    private static async Task<UpResult> DeployAsync(Emulator emulator, ComposeProject project, Template template)
    {
        var parameters = await new ParameterResolver(emulator.Aws, name => name == "API_TOKEN" ? "token" : null)
            .ResolveAsync(template, project, CancellationToken.None);
        Assert.True(parameters.Succeeded, parameters.Error);
        var request = new UpRequest(StackNames.For(project.Name), project.Name, TemplateWriter.ToJson(template.ToTree()), parameters.Parameters);
        return await new UpOperation(emulator.Aws, Emulator.FastTimings).RunAsync(request, new EventLog(), CancellationToken.None);
    }

    private static (ComposeProject Project, Template Template) Convert(string sample)
    {
        var directory = Path.Combine(Repository.Samples, sample);
        // Production deploys use compose.prod.yaml (the dev override would make ./src an empty EFS volume).
        var files = sample == "dev-prod-override" ? ["compose.yaml", "compose.prod.yaml"] : System.Collections.Immutable.ImmutableArray<string>.Empty;
        var loaded = ComposeLoader.Load(new LoadOptions { WorkingDirectory = directory, Files = files });
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var converted = ComposeTransform.Convert(loaded.Value!, new TransformOptions { LocalFiles = LocalFiles.Read(loaded.Value!, _ => null) });
        Assert.True(converted.Succeeded, string.Join("\n", converted.Diagnostics));
        return (loaded.Value!, converted.Value!);
    }
}
