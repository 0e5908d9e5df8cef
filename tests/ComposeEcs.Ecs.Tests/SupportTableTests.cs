using System.Text.RegularExpressions;
using ComposeEcs.Compose;
using ComposeEcs.Ecs.Tests.Golden;

namespace ComposeEcs.Ecs.Tests;

/// <summary>The support table against the specification's field list, the golden cases and the README.</summary>
public sealed partial class SupportTableTests
{
    /// <summary>Accepted by docker compose (and our loader) although the schema does not list it.</summary>
    private static readonly HashSet<string> BeyondSchema = ["driver_opts"];

    private static IEnumerable<(string Scope, string Field)> SpecFields() =>
        File.ReadAllLines(Path.Combine(CaseFolder.RepositoryRoot, "tests", "ComposeEcs.Ecs.Tests", "Support", "compose-spec-fields.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .Select(p => (p[0], p[1]));

    [Fact]
    public void Every_service_field_of_the_specification_has_exactly_one_row()
    {
        var spec = SpecFields().Where(f => f.Scope == "service").Select(f => f.Field).ToHashSet();
        var rows = SupportTable.Services.Select(r => r.Field).ToList();
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Empty(spec.Except(rows));
        Assert.Empty(rows.Except(spec).Except(BeyondSchema));
    }

    [Fact]
    public void Every_top_level_field_of_the_specification_has_exactly_one_row()
    {
        var spec = SpecFields().Where(f => f.Scope == "top").Select(f => f.Field).Order(StringComparer.Ordinal);
        Assert.Equal(spec, SupportTable.TopLevel.Select(r => r.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_mapped_or_warned_service_field_is_used_by_a_golden_case()
    {
        var used = CaseFolder.All("convert")
            .Select(c => ComposeLoader.Load(c.LoadOptions()).Value)
            .OfType<Compose.Model.ComposeProject>()
            .SelectMany(p => p.Services.Values)
            .SelectMany(s => s.Fields.Paths.Keys)
            .ToHashSet(StringComparer.Ordinal);
        var missing = SupportTable.Services
            .Where(r => r.Support is Support.Mapped or Support.Warned && r.Field != "extends")
            .Where(r => !used.Contains(r.Field))
            .Select(r => r.Field);
        Assert.True(!missing.Any(), "no golden case uses: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_refused_service_field_has_an_error_case()
    {
        var errors = CaseFolder.All("convert")
            .SelectMany(c => c.ReadExpected("diagnostics.txt")?.Split('\n') ?? [])
            .Where(l => l.Contains(": not supported, ", StringComparison.Ordinal))
            .ToList();
        foreach (var row in SupportTable.Services.Where(r => r.Support == Support.Refused))
            Assert.Contains(errors, e => e.Contains($": {row.Field}: not supported, {row.How}", StringComparison.Ordinal));
    }

    [Fact]
    public void Readme_support_matrix_is_the_table()
    {
        var readme = File.ReadAllText(Path.Combine(CaseFolder.RepositoryRoot, "README.md"));
        var match = Matrix().Match(readme);
        Assert.True(match.Success, "README.md has no <!-- support-matrix --> section");
        var expected = SupportTable.Markdown();
        if (CaseFolder.Updating && match.Groups[1].Value != expected)
        {
            File.WriteAllText(Path.Combine(CaseFolder.RepositoryRoot, "README.md"),
                readme[..match.Groups[1].Index] + expected + readme[(match.Groups[1].Index + match.Groups[1].Length)..]);
            return;
        }
        Assert.Equal(expected, match.Groups[1].Value);
    }

    [GeneratedRegex(@"<!-- support-matrix:start -->\n(.*?)<!-- support-matrix:end -->", RegexOptions.Singleline)]
    private static partial Regex Matrix();
}
