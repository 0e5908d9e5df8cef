using ComposeEcs.TestSupport;

namespace ComposeEcs.Compose.Tests;

/// <summary>Every real-world app under <c>samples/</c> loads without errors.</summary>
public sealed class SamplesLoadTests
{
    public static TheoryData<string> Samples()
    {
        var root = Repository.Samples;
        return new(Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "compose.yaml"))).Select(Path.GetFileName).Order()!);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_loads_without_errors(string sample)
    {
        var root = Path.Combine(Repository.Samples, sample);
        var result = ComposeLoader.Load(new LoadOptions { WorkingDirectory = root, Environment = new Dictionary<string, string>() });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.NotEmpty(result.Value!.Services);
    }

    [Fact]
    public void Output_is_byte_identical_run_to_run()
    {
        var folder = CaseFolder.Get("basic-single-file");
        var first = ComposeLoader.Load(folder.Options());
        var second = ComposeLoader.Load(folder.Options());
        Assert.Equal(ProjectWriter.ToYaml(first.Value!), ProjectWriter.ToYaml(second.Value!));
        Assert.Equal(ProjectWriter.ToJson(first.Value!), ProjectWriter.ToJson(second.Value!));
    }

    [Fact]
    public void Json_output_has_the_same_content_as_yaml()
    {
        var result = ComposeLoader.Load(CaseFolder.Get("basic-single-file").Options());
        var json = System.Text.Json.JsonDocument.Parse(ProjectWriter.ToJson(result.Value!));
        var web = json.RootElement.GetProperty("services").GetProperty("web");
        Assert.Equal("8080", web.GetProperty("ports")[0].GetProperty("published").GetString());
        Assert.Equal(536870912, web.GetProperty("deploy").GetProperty("resources").GetProperty("limits").GetProperty("memory").GetInt64());
        Assert.Equal("https", web.GetProperty("ports")[1].GetProperty("x-aws-protocol").GetString());
    }

    [Fact]
    public void Secret_file_content_is_never_read_into_the_model()
    {
        var result = ComposeLoader.Load(CaseFolder.Get("real-webapp-postgres").Options());
        Assert.True(result.Succeeded);
        Assert.DoesNotContain("not-a-real-password", ProjectWriter.ToYaml(result.Value!), StringComparison.Ordinal);
        Assert.EndsWith("db_password.txt", result.Value!.Secrets["db_password"].File, StringComparison.Ordinal);
        Assert.True(Path.IsPathRooted(result.Value!.Secrets["db_password"].File));
    }
}
