using ComposeEcs.CloudFormation;
using static ComposeEcs.CloudFormation.Tests.Trees;

namespace ComposeEcs.CloudFormation.Tests;

public class RoundTripTests
{
    [Fact]
    public void Yaml_and_json_describe_the_same_template()
    {
        var tree = Trees.Sample().ToTree();

        var fromYaml = YamlBack.Parse(TemplateWriter.ToYaml(tree));
        var fromJson = TemplateReader.FromJson(TemplateWriter.ToJson(tree));

        Assert.Equal(tree, fromYaml);
        Assert.Equal(fromJson, fromYaml);
    }

    [Fact]
    public void Every_tricky_string_survives_both_formats()
    {
        var strings = YamlWriterTests.QuotingTable().Select(row => (Expr)(string)row[0])
            .Concat(YamlWriterTests.MultiLineTable().Select(row => (Expr)(string)row[0]))
            .ToArray();
        var tree = Map(("Strings", List(strings)), ("Keys", Map(strings.Select((s, i) => ($"{((Str)s).Value}#{i}", (Expr)i)).ToArray())));

        Assert.Equal(tree, YamlBack.Parse(TemplateWriter.ToYaml(tree)));
        Assert.Equal(tree, TemplateReader.FromJson(TemplateWriter.ToJson(tree)));
    }

    [Fact]
    public void The_same_template_gives_byte_identical_output()
    {
        var first = Trees.Sample();
        var second = Trees.Sample();

        Assert.Equal(TemplateWriter.ToYaml(first), TemplateWriter.ToYaml(second));
        Assert.Equal(TemplateWriter.ToJson(first), TemplateWriter.ToJson(second));
        Assert.DoesNotContain('\r', TemplateWriter.ToYaml(first) + TemplateWriter.ToJson(first));
        Assert.EndsWith("\n", TemplateWriter.ToYaml(first));
        Assert.EndsWith("}\n", TemplateWriter.ToJson(first));
    }
}
