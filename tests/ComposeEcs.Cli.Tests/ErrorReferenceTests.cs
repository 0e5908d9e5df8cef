using System.Reflection;
using System.Text.RegularExpressions;
using ComposeEcs.TestSupport;

namespace ComposeEcs.Cli.Tests;

/// <summary>The README's error reference and <see cref="DiagnosticCodes"/> list the same codes, and src gives every diagnostic one.</summary>
public sealed partial class ErrorReferenceTests
{
    private static readonly (string Field, DiagnosticCode Code)[] Catalog =
        [.. typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticCode))
            .Select(f => (f.Name, (DiagnosticCode)f.GetValue(null)!))];

    private static IEnumerable<(string Path, string Text)> Sources() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(Repository.Root, p), File.ReadAllText(p)));

    [Fact]
    public void Every_code_is_documented_in_the_readme_with_its_title_and_nothing_else_is()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf("<!-- error-codes:start -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- error-codes:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md has no error-codes section");
        var documented = TableRow().Matches(readme[start..end]).Select(m => (m.Groups["id"].Value, m.Groups["title"].Value.Replace("\\|", "|"))).ToList();

        Assert.Equal(Catalog.Select(c => (c.Code.Id, c.Code.Title)).OrderBy(c => c.Id, StringComparer.Ordinal), documented.OrderBy(c => c.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public void Codes_are_unique_and_numbered_by_stage()
    {
        Assert.Equal(Catalog.Length, Catalog.Select(c => c.Code.Id).Distinct().Count());
        Assert.All(Catalog, c => Assert.Matches(@"^CE[1-4]\d{3}$", c.Code.Id));
    }

    [Fact]
    public void Every_code_is_used_somewhere_in_src()
    {
        var sources = string.Join("\n", Sources().Where(s => !s.Path.EndsWith("DiagnosticCodes.cs", StringComparison.Ordinal)).Select(s => s.Text));
        Assert.Empty(Catalog.Where(c => !sources.Contains($"DiagnosticCodes.{c.Field}", StringComparison.Ordinal)).Select(c => c.Field));
    }

    [Fact]
    public void Every_diagnostic_made_in_src_gets_a_code_from_the_catalog()
    {
        var uncoded = Sources()
            .Where(s => !s.Path.EndsWith("Diagnostic.cs", StringComparison.Ordinal) && !s.Path.EndsWith("DiagnosticCodes.cs", StringComparison.Ordinal))
            .SelectMany(s => Uncoded().Matches(s.Text).Select(m => $"{s.Path}: {m.Value}").Concat(LiteralCode().Matches(s.Text).Select(m => $"{s.Path}: literal {m.Value}")))
            .ToList();
        Assert.Empty(uncoded);
    }

    [GeneratedRegex(@"^\| `(?<id>CE\d{4})` \| (?<title>.+) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    /// <summary>A factory call whose first argument is not a catalog code (nor a code passed through as <c>code</c>).</summary>
    [GeneratedRegex(@"Diagnostic\.(Error|Warning)\((?!\s*(DiagnosticCodes\.|code\b))[^)]{0,60}")]
    private static partial Regex Uncoded();

    [GeneratedRegex(@"""CE\d{4}""")]
    private static partial Regex LiteralCode();
}
