using System.Collections.Immutable;
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

    /// <summary>Loader options as the CLI would build them from the <c>args</c> file, with an empty process environment.</summary>
    public LoadOptions LoadOptions()
    {
        var args = ReadArgs();
        return new LoadOptions
        {
            Files = Values(args, "-f", "--file"),
            ProjectName = Values(args, "-p", "--project-name").LastOrDefault(),
            ProjectDirectory = Values(args, "--project-directory").LastOrDefault(),
            EnvFiles = Values(args, "--env-file"),
            Profiles = Values(args, "--profile"),
            Environment = new Dictionary<string, string>(),
            WorkingDirectory = Directory,
        };
    }

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

    private ImmutableArray<string> ReadArgs()
    {
        var path = Path.Combine(Directory, "args");
        return File.Exists(path)
            ? [.. File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0)]
            : [];
    }

    private static ImmutableArray<string> Values(ImmutableArray<string> args, params string[] names) =>
        [.. args.Select((a, i) => (a, i)).Where(p => names.Contains(p.a) && p.i + 1 < args.Length).Select(p => args[p.i + 1])];

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ComposeEcs.slnx"))) return dir.FullName;
        throw new InvalidOperationException("ComposeEcs.slnx not found above " + AppContext.BaseDirectory);
    }
}
