using ComposeEcs.Compose;

namespace ComposeEcs.Ecs.Tests.Golden;

/// <summary>One golden case: a folder with compose files, an optional <c>args</c> file and the expected output files.</summary>
public sealed record CaseFolder(string Name, string Directory)
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static IEnumerable<CaseFolder> All(string kind) =>
        System.IO.Directory.GetDirectories(Path.Combine(RepositoryRoot, "tests", "cases", kind))
            .Order(StringComparer.Ordinal)
            .Select(d => new CaseFolder(Path.GetFileName(d), d));

    public static bool Updating => System.Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>Loader options as the CLI would build them from the case's <c>args</c> file (the loader cases' rules).</summary>
    public LoadOptions LoadOptions() => Compose.Tests.CaseFolder.OptionsFor(Directory);

    public string? ReadExpected(string file) => File.Exists(Path.Combine(Directory, file)) ? File.ReadAllText(Path.Combine(Directory, file)) : null;

    /// <summary>Compares with the expected file, or rewrites it when UPDATE_GOLDEN=1. Null content means the file must not exist.</summary>
    public void Verify(string file, string? actual)
    {
        var path = Path.Combine(Directory, file);
        if (Updating)
        {
            if (actual is null) File.Delete(path);
            else File.WriteAllText(path, actual);
            return;
        }
        Assert.Equal(ReadExpected(file), actual);
    }

    public override string ToString() => Name;

    /// <summary>The clone's top folder: two levels above tests/cases.</summary>
    private static string FindRepositoryRoot() => Path.GetDirectoryName(Path.GetDirectoryName(Compose.Tests.CaseFolder.Root))!;
}
