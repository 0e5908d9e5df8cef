using ComposeEcs.TestSupport;

namespace ComposeEcs.Compose.Tests;

/// <summary>Runs every folder of <c>tests/cases/loader</c>; <c>UPDATE_GOLDEN=1</c> rewrites the expected files.</summary>
public sealed class LoaderCaseTests
{
    public static TheoryData<string> Cases() => new(CaseFolder.Names());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loader_output_matches_the_golden_file(string name)
    {
        var folder = CaseFolder.Get(name);
        var result = ComposeLoader.Load(folder.Options());
        var actual = folder.Render(result);

        var expectedYaml = Path.Combine(folder.Directory, "expected.yaml");
        var expectedError = Path.Combine(folder.Directory, "expected-error.txt");
        if (Golden.Updating)
        {
            Golden.Verify(expectedYaml, result.Succeeded ? actual : null);
            Golden.Verify(expectedError, result.Succeeded ? null : actual);
            return;
        }
        var expectedFile = File.Exists(expectedError) ? expectedError : expectedYaml;
        Assert.True(File.Exists(expectedFile), $"{name}: no expected.yaml or expected-error.txt (run with UPDATE_GOLDEN=1)");
        Assert.Equal(File.ReadAllText(expectedFile), actual);
    }
}
