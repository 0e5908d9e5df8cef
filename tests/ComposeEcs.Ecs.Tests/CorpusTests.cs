using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Tests;
using ComposeEcs.Compose;
using ComposeEcs.Ecs.Tests.Golden;

namespace ComposeEcs.Ecs.Tests;

/// <summary>
/// tests/corpus: compose files shaped like real applications (self-hosted apps, proxies, monitoring stacks,
/// microservice sets, DNS servers, build-based apps with live-reload mounts). Each converts to a template that passes
/// the template and resource-spec checks, or — when its folder has a <c>refused</c> file — is refused only for what
/// Fargate cannot give: every error names Fargate, and the errors contain each line of <c>refused</c>. A
/// <c>known-defect</c> file names a template problem that is another issue's to fix: until then the template may have
/// exactly problems containing its first line, and nothing else.
/// </summary>
public sealed class CorpusTests
{
    private static string Root => Path.Combine(CaseFolder.RepositoryRoot, "tests", "corpus");

    public static TheoryData<string> Apps() => [.. Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_corpus_has_at_least_thirty_applications()
    {
        Assert.True(Apps().Count >= 30, $"only {Apps().Count} applications under tests/corpus");
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Application_converts_to_a_valid_template_or_is_refused_only_for_what_fargate_cannot_give(string app)
    {
        var directory = Path.Combine(Root, app);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = "/home/tester" };
        var loaded = ComposeLoader.Load(new LoadOptions { WorkingDirectory = directory, Environment = environment });
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));

        var files = LocalFiles.Read(loaded.Value!, name => environment.GetValueOrDefault(name));
        var converted = ComposeTransform.Convert(loaded.Value!, new TransformOptions { LocalFiles = files });
        var printed = string.Join("\n", converted.Diagnostics);

        var refused = Path.Combine(directory, "refused");
        if (File.Exists(refused))
        {
            Assert.False(converted.Succeeded, "expected a refusal, got a template:\n" + printed);
            Assert.All(converted.Errors, e => Assert.Contains("Fargate", e.Message, StringComparison.Ordinal));
            foreach (var line in File.ReadAllLines(refused).Where(l => l.Length > 0))
                Assert.Contains(line, printed, StringComparison.Ordinal);
            return;
        }
        Assert.True(converted.Succeeded, printed);
        Assert.DoesNotContain(directory, printed, StringComparison.Ordinal);
        var tree = converted.Value!.ToTree();
        var knownDefect = Path.Combine(directory, "known-defect");
        if (!File.Exists(knownDefect))
        {
            TemplateAssert.Valid(tree);
            return;
        }
        var known = File.ReadLines(knownDefect).First();
        var problems = TemplateChecks.Problems(tree).Concat(ResourceSpecCheck.Problems(tree));
        Assert.All(problems, p => Assert.Contains(known, p, StringComparison.Ordinal));
    }
}
