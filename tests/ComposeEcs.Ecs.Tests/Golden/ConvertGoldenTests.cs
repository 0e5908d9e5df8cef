using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Tests;
using ComposeEcs.Compose;

namespace ComposeEcs.Ecs.Tests.Golden;

/// <summary>
/// Every folder under tests/cases/convert is a case: its compose files convert to <c>template.yaml</c>, and every
/// warning or error is listed in <c>diagnostics.txt</c>. <c>UPDATE_GOLDEN=1 dotnet test</c> rewrites the expected files.
/// </summary>
public sealed class ConvertGoldenTests
{
    public static TheoryData<string> Cases() => [.. CaseFolder.All("convert").Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_converts_to_its_expected_template(string name)
    {
        var folder = Find(name);
        var (template, diagnostics) = Convert(folder);

        var printed = string.Join("\n", diagnostics).Replace(CaseFolder.RepositoryRoot, "<repo>");
        folder.Verify("diagnostics.txt", diagnostics.Length == 0 ? null : printed + "\n");
        folder.Verify("template.yaml", template is null ? null : TemplateWriter.ToYaml(template.ToTree()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_template_is_valid_and_deterministic(string name)
    {
        var folder = Find(name);
        var (template, _) = Convert(folder);
        if (template is null) return;

        var tree = template.ToTree();
        TemplateAssert.Valid(tree);
        var again = Convert(folder).Template!.ToTree();
        Assert.Equal(TemplateWriter.ToYaml(tree), TemplateWriter.ToYaml(again));
        Assert.Equal(TemplateWriter.ToJson(tree), TemplateWriter.ToJson(again));
    }

    internal static (Template? Template, string[] Diagnostics) Convert(CaseFolder folder)
    {
        var options = folder.LoadOptions();
        var loaded = ComposeLoader.Load(options);
        if (!loaded.Succeeded) return (null, [.. loaded.Diagnostics.Select(d => d.ToString())]);

        var local = LocalFiles.Read(loaded.Value!, options.Environment.GetValueOrDefault);
        var converted = ComposeTransform.Convert(loaded.Value!, new TransformOptions { LocalFiles = local });
        var diagnostics = loaded.Diagnostics.Concat(converted.Diagnostics).Select(d => d.ToString()).ToArray();
        return (converted.Succeeded ? converted.Value : null, diagnostics);
    }

    private static CaseFolder Find(string name) => CaseFolder.All("convert").Single(c => c.Name == name);
}
