using ComposeEcs.CloudFormation;

namespace ComposeEcs.CloudFormation.Tests;

/// <summary>One call for tests of generated templates: every check this project has, all problems in one failure.</summary>
public static class TemplateAssert
{
    /// <summary>
    /// Fails listing every problem from <see cref="TemplateChecks.Problems"/> (references, conditions, cycles) and
    /// <see cref="ResourceSpecCheck.Problems(MapExpr)"/> (types and property names), and when the YAML or JSON
    /// output does not read back as the same tree (a writer bug).
    /// </summary>
    public static void Valid(MapExpr tree)
    {
        var problems = TemplateChecks.Problems(tree).Concat(ResourceSpecCheck.Problems(tree)).ToList();
        if (!tree.Equals(YamlBack.Parse(TemplateWriter.ToYaml(tree))))
            problems.Add("the YAML output does not read back as the same tree (a TemplateWriter bug)");
        if (!tree.Equals(TemplateReader.FromJson(TemplateWriter.ToJson(tree))))
            problems.Add("the JSON output does not read back as the same tree (a TemplateWriter bug)");
        if (problems.Count > 0)
            Assert.Fail($"The template has {problems.Count} problem(s):\n  {string.Join("\n  ", problems)}");
    }

    public static void Valid(Template template) => Valid(template.ToTree());
}
