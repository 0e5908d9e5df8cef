using ComposeEcs.CloudFormation;
using ComposeEcs.Compose;
using ComposeEcs.Ecs.Tests.Golden;

namespace ComposeEcs.Ecs.Tests;

/// <summary>No golden case's template, in YAML or JSON, contains the content of any of its secret files.</summary>
public class SecretContentTests
{
    [Fact]
    public void No_secret_file_content_appears_in_any_converted_case()
    {
        var checkedSecrets = 0;
        foreach (var folder in CaseFolder.All("convert"))
        {
            var loaded = ComposeLoader.Load(folder.LoadOptions());
            if (!loaded.Succeeded) continue;
            var converted = ComposeTransform.Convert(loaded.Value!, new TransformOptions { LocalFiles = LocalFiles.Read(loaded.Value!, _ => null) });
            if (!converted.Succeeded) continue;
            var outputs = new[] { converted.Value!.ToYaml(), converted.Value!.ToJson() };
            foreach (var secret in loaded.Value!.Secrets.Values.Where(s => s.File is not null && File.Exists(s.File)))
            {
                var content = File.ReadAllText(secret.File!).Trim();
                Assert.False(string.IsNullOrEmpty(content), $"{folder.Name}: secret file {secret.File} is empty, the test would prove nothing");
                foreach (var output in outputs)
                    Assert.False(output.Contains(content, StringComparison.Ordinal), $"{folder.Name}: the content of {secret.File} is in the template");
                foreach (var value in Values(content).Where(v => v.Length >= 10))
                    foreach (var output in outputs)
                        Assert.False(output.Contains(value, StringComparison.Ordinal), $"{folder.Name}: a value of {secret.File} is in the template");
                checkedSecrets++;
            }
        }
        Assert.True(checkedSecrets >= 8, $"only {checkedSecrets} secret files were checked");
    }

    /// <summary>The string values of a JSON object secret (they would be escaped differently in the output), else nothing.</summary>
    private static IEnumerable<string> Values(string content)
    {
        if (!content.StartsWith('{')) return [];
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(content);
            return [.. json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String).Select(p => p.Value.GetString()!)];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
