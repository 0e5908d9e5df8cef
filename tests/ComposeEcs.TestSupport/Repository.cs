namespace ComposeEcs.TestSupport;

/// <summary>The clone the tests run from, found by walking up from the test assembly to <c>ComposeEcs.slnx</c>.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped sample applications, <c>samples/</c>.</summary>
    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>A golden suite, <c>tests/cases/&lt;kind&gt;</c> (<c>loader</c>, <c>convert</c>).</summary>
    public static string Cases(string kind) => Path.Combine(Root, "tests", "cases", kind);

    /// <summary>The folders of a golden suite in ordinal order, so test lists are the same on every machine.</summary>
    public static IEnumerable<string> CaseDirectories(string kind) =>
        Directory.GetDirectories(Cases(kind)).Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ComposeEcs.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("ComposeEcs.slnx not found above " + AppContext.BaseDirectory);
    }
}
