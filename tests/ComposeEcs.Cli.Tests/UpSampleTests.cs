using System.Text.RegularExpressions;

namespace ComposeEcs.Cli.Tests;

/// <summary><c>up</c> of every sample in samples/ against the emulator, to completion, then <c>down</c>.</summary>
public sealed class UpSampleTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(UpTestSupport.SamplesDirectory()).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Each_sample_deploys_to_create_complete_and_is_deleted_by_down(string sample)
    {
        await using var t = await UpTestSupport.StartAsync();
        var directory = Path.Combine(UpTestSupport.SamplesDirectory(), sample);
        var environment = t.Environment();
        environment["API_TOKEN"] = "token-from-environment";

        var files = FilesOf(sample);

        var up = await UpTestSupport.RunInAsync(directory, environment, CancellationToken.None, ["up", .. files]);
        var down = await UpTestSupport.RunInAsync(directory, environment, CancellationToken.None, ["down", .. files]);

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains(": CREATE_COMPLETE", up.Out);
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Contains("deleted", down.Out);
        Assert.DoesNotContain(t.Server.Stacks, s => s.Status != "DELETE_COMPLETE");
    }

    /// <summary>The dev override has bind mounts (rejected on ECS): deploy with the production file instead, as its README says.</summary>
    private static string[] FilesOf(string sample) => sample switch
    {
        "dev-prod-override" => ["-f", "compose.yaml", "-f", "compose.prod.yaml"],
        _ => [],
    };

    [Fact]
    public async Task Secret_files_reach_secrets_manager_written_by_up_and_are_never_printed()
    {
        await using var t = await UpTestSupport.StartAsync();
        var directory = Path.Combine(UpTestSupport.SamplesDirectory(), "json-secret");
        var content = await File.ReadAllTextAsync(Path.Combine(directory, "database.json"));

        var run = await UpTestSupport.RunInAsync(directory, t.Environment(), CancellationToken.None, "up");

        Assert.True(run.ExitCode == 0, run.ToString());
        var secret = t.Server.Secrets.Single(s => s.Name == "compose-ecs/billing/database");
        Assert.Equal(content, secret.SecretString);
        Assert.Equal(secret.Arn, t.Server.Stack("billing")!.Parameters["DatabaseSecretArn"]);
        Assert.DoesNotContain(content.Trim(), run.Out + run.Error);
        Assert.DoesNotContain(content.Trim(), t.Server.Stack("billing")!.TemplateBody);
    }

    [Fact]
    public async Task The_plain_output_of_up_is_one_line_per_event_with_each_resources_elapsed_time_when_done()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(UpTestSupport.WebApp);

        var run = await t.RunAsync("up");

        var lines = Normalise(run.Out);
        Assert.Equal("Creating stack demo", lines.Single(l => l.StartsWith("Creating", StringComparison.Ordinal)).Split(" (")[0]);
        Assert.Contains("Cluster AWS::ECS::Cluster CREATE_IN_PROGRESS", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^Cluster AWS::ECS::Cluster CREATE_COMPLETE \d+\.\ds$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^WebService AWS::ECS::Service CREATE_COMPLETE \d+\.\ds$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^demo AWS::CloudFormation::Stack CREATE_COMPLETE \d+\.\ds$"));
        Assert.Equal("Stack demo: CREATE_COMPLETE", lines.Last(l => l.StartsWith("Stack demo", StringComparison.Ordinal)));
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.True(lines.IndexOf("Cluster AWS::ECS::Cluster CREATE_IN_PROGRESS") < lines.FindIndex(l => l.StartsWith("Cluster AWS::ECS::Cluster CREATE_COMPLETE", StringComparison.Ordinal)));
    }

    /// <summary>Lines with runs of spaces collapsed, so column widths do not matter.</summary>
    private static List<string> Normalise(string output) =>
        output.Split('\n').Select(l => Regex.Replace(l.Trim(), @"\s+", " ")).Where(l => l.Length > 0).ToList();
}
