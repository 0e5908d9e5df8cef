using ComposeEcs.Compose;
using ComposeEcs.TestSupport;

namespace ComposeEcs.Ecs.Tests.Golden;

/// <summary>One golden case: a folder with compose files, an optional <c>args</c> file and the expected output files.</summary>
public sealed record CaseFolder(string Name, string Directory)
{
    public static string RepositoryRoot => Repository.Root;

    public static IEnumerable<CaseFolder> All(string kind) =>
        Repository.CaseDirectories(kind).Select(d => new CaseFolder(Path.GetFileName(d), d));

    public static bool Updating => TestSupport.Golden.Updating;

    /// <summary>Loader options as the CLI would build them from the case's <c>args</c> file (the loader cases' rules).</summary>
    public LoadOptions LoadOptions() => Compose.Tests.CaseFolder.OptionsFor(Directory);

    public string? ReadExpected(string file) => TestSupport.Golden.Read(Path.Combine(Directory, file));

    /// <summary>Compares with the expected file, or rewrites it when UPDATE_GOLDEN=1. Null content means the file must not exist.</summary>
    public void Verify(string file, string? actual) => TestSupport.Golden.Verify(Path.Combine(Directory, file), actual);

    public override string ToString() => Name;
}
