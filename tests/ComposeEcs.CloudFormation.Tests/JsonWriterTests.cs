using ComposeEcs.CloudFormation;
using static ComposeEcs.CloudFormation.Tests.Trees;

namespace ComposeEcs.CloudFormation.Tests;

public class JsonWriterTests
{
    [Fact]
    public void Json_is_two_space_indented_with_raw_numbers_and_a_trailing_newline()
    {
        var tree = Map(("Name", "web"), ("Cpu", new Num("0.25")), ("On", true), ("Off", Null.Instance),
            ("Ports", List(80, 443)), ("Empty", MapExpr.Empty), ("None", List()));

        Assert.Equal(
            """
            {
              "Name": "web",
              "Cpu": 0.25,
              "On": true,
              "Off": null,
              "Ports": [
                80,
                443
              ],
              "Empty": {},
              "None": []
            }

            """.ReplaceLineEndings("\n"),
            TemplateWriter.ToJson(tree));
    }

    [Fact]
    public void Compact_json_has_no_whitespace_and_reads_back_as_the_same_tree()
    {
        var tree = Map(("Name", "web app"), ("Cpu", new Num("0.25")), ("Ports", List(80, 443)), ("Empty", MapExpr.Empty));

        var json = TemplateWriter.ToCompactJson(tree);

        Assert.Equal("{\"Name\":\"web app\",\"Cpu\":0.25,\"Ports\":[80,443],\"Empty\":{}}\n", json);
        Assert.Equal(tree, TemplateReader.FromJson(json));
    }

    [Fact]
    public void Json_escapes_control_characters_and_quotes_but_keeps_readable_text()
    {
        var json = TemplateWriter.ToJson(Map(("Command", "echo \"a\"\n\tcafé <b> & 'c'")));

        Assert.Contains(@"""echo \""a\""\n\tcafé <b> & 'c'""", json);
    }

    [Fact]
    public void Json_reads_back_into_the_same_tree()
    {
        var tree = Trees.Sample().ToTree();

        Assert.Equal(tree, TemplateReader.FromJson(TemplateWriter.ToJson(tree)));
    }

    [Fact]
    public void Reader_keeps_key_order_and_number_text()
    {
        var tree = TemplateReader.FromJson("""{"b": 1.50, "a": [true, null, "x"]}""");

        Assert.Equal(Map(("b", new Num("1.50")), ("a", List(true, Null.Instance, "x"))), tree);
    }
}
