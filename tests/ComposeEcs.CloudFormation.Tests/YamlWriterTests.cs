using ComposeEcs.CloudFormation;
using static ComposeEcs.CloudFormation.Tests.Trees;

namespace ComposeEcs.CloudFormation.Tests;

public class YamlWriterTests
{
    public static TheoryData<string, string> QuotingTable() => new()
    {
        { "hello", "hello" },
        { "hello world", "hello world" },
        { "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" },
        { "nginx:1.25-alpine", "nginx:1.25-alpine" },
        { "/docker-compose/app", "/docker-compose/app" },
        { "${AWS::StackName}-web", "${AWS::StackName}-web" },
        { "", "\"\"" },
        { "-1", "\"-1\"" },
        { "080", "\"080\"" },
        { "80", "\"80\"" },
        { "1e3", "\"1e3\"" },
        { "0x1F", "\"0x1F\"" },
        { ".5", "\".5\"" },
        { "1_000", "\"1_000\"" },
        { "1:20", "\"1:20\"" },
        { "2010-09-09", "\"2010-09-09\"" },
        { "10.0.0.0/16", "\"10.0.0.0/16\"" },
        { "on", "\"on\"" }, { "off", "\"off\"" }, { "ON", "\"ON\"" },
        { "yes", "\"yes\"" }, { "no", "\"no\"" }, { "y", "\"y\"" }, { "n", "\"n\"" }, { "Y", "\"Y\"" },
        { "true", "\"true\"" }, { "False", "\"False\"" }, { "null", "\"null\"" }, { "~", "\"~\"" },
        { ".inf", "\".inf\"" }, { "-.inf", "\"-.inf\"" }, { ".NaN", "\".NaN\"" }, { "=", "\"=\"" }, { "<<", "\"<<\"" },
        { " leading", "\" leading\"" },
        { "trailing ", "\"trailing \"" },
        { "key: value", "\"key: value\"" },
        { "ends with colon:", "\"ends with colon:\"" },
        { "a #comment", "\"a #comment\"" },
        { "a#b", "a#b" },
        { "*alias", "\"*alias\"" }, { "&anchor", "\"&anchor\"" }, { "!tag", "\"!tag\"" }, { "|pipe", "\"|pipe\"" },
        { ">fold", "\">fold\"" }, { "'single", "\"'single\"" }, { "\"double", "\"\\\"double\"" }, { "%directive", "\"%directive\"" },
        { "@at", "\"@at\"" }, { "`tick", "\"`tick\"" }, { "- item", "\"- item\"" }, { "? key", "\"? key\"" }, { ": value", "\": value\"" },
        { "-flag", "\"-flag\"" }, { "[list]", "\"[list]\"" }, { "{map}", "\"{map}\"" }, { "#hash", "\"#hash\"" }, { ",comma", "\",comma\"" },
        { "tab\there", "\"tab\\there\"" },
        { "bell\u0007", "\"bell\\u0007\"" },
        { "back\\slash", "back\\slash" },
        { "carriage\rreturn", "\"carriage\\rreturn\"" },
        { "café ünïcode", "café ünïcode" },
        { "line\u2028separator", "\"line\\u2028separator\"" },
    };

    [Theory]
    [MemberData(nameof(QuotingTable))]
    public void Strings_are_quoted_exactly_when_a_parser_could_misread_them(string value, string expected)
    {
        var yaml = TemplateWriter.ToYaml(Map(("Key", value)));

        Assert.Equal($"Key: {expected}\n", yaml);
        Assert.Equal(Map(("Key", value)), YamlBack.Parse(yaml));
    }

    public static TheoryData<string, string> MultiLineTable() => new()
    {
        { "one\ntwo", "Key: |-\n  one\n  two\n" },
        { "one\ntwo\n", "Key: |\n  one\n  two\n" },
        { "one\ntwo\n\n", "Key: |+\n  one\n  two\n\n" },
        { "#!/bin/sh\necho \"hi: there\" # yes\n", "Key: |\n  #!/bin/sh\n  echo \"hi: there\" # yes\n" },
        { "a\n\n  indented\nb", "Key: |-\n  a\n\n    indented\n  b\n" },
        { " starts with space\nx", "Key: \" starts with space\\nx\"\n" },
        { "trailing space \nx", "Key: \"trailing space \\nx\"\n" },
        { "\nstarts with newline", "Key: \"\\nstarts with newline\"\n" },
        { "has\rreturn\nx", "Key: \"has\\rreturn\\nx\"\n" },
    };

    [Theory]
    [MemberData(nameof(MultiLineTable))]
    public void Multi_line_strings_are_literal_blocks_when_they_fit_one_and_quoted_otherwise(string value, string expected)
    {
        var yaml = TemplateWriter.ToYaml(Map(("Key", value)));

        Assert.Equal(expected, yaml);
        Assert.Equal(Map(("Key", value)), YamlBack.Parse(yaml));
    }

    [Fact]
    public void Literal_blocks_inside_lists_are_indented_under_their_dash()
    {
        var tree = Map(("Command", List("sh", "-c", "echo a\necho b\n")));

        var yaml = TemplateWriter.ToYaml(tree);

        Assert.Equal("Command:\n  - sh\n  - \"-c\"\n  - |\n    echo a\n    echo b\n", yaml);
        Assert.Equal(tree, YamlBack.Parse(yaml));
    }

    [Fact]
    public void Intrinsics_are_written_long_form_as_in_the_tree()
    {
        var tree = Map(
            ("Cluster", Fn.Ref("Cluster")),
            ("Arn", Fn.GetAtt("Role", "Arn")),
            ("Name", Fn.Sub("${AWS::StackName}-web")));

        Assert.Equal(
            "Cluster:\n  Ref: Cluster\nArn:\n  Fn::GetAtt:\n    - Role\n    - Arn\nName:\n  Fn::Sub: ${AWS::StackName}-web\n",
            TemplateWriter.ToYaml(tree));
    }

    [Fact]
    public void Nested_maps_and_lists_use_block_style_with_two_space_indents()
    {
        var tree = Map(
            ("Empty", MapExpr.Empty),
            ("None", List()),
            ("Items", List(
                Map(("Name", "web"), ("Port", 80), ("Essential", true), ("Nothing", Null.Instance)),
                List("a", List("b")),
                Map(("Inner", Map(("Deep", List(1, 2))))))));

        var yaml = TemplateWriter.ToYaml(tree);

        Assert.Equal(
            """
            Empty: {}
            None: []
            Items:
              - Name: web
                Port: 80
                Essential: true
                Nothing: null
              - - a
                - - b
              - Inner:
                  Deep:
                    - 1
                    - 2

            """.ReplaceLineEndings("\n"),
            yaml);
        Assert.Equal(tree, YamlBack.Parse(yaml));
    }

    [Fact]
    public void Keys_that_could_be_misread_are_quoted()
    {
        var tree = Map(("on", 1), ("80", 2), ("Fn::GetAtt", 3), ("a: b", 4));

        var yaml = TemplateWriter.ToYaml(tree);

        Assert.Equal("\"on\": 1\n\"80\": 2\nFn::GetAtt: 3\n\"a: b\": 4\n", yaml);
        Assert.Equal(tree, YamlBack.Parse(yaml));
    }

    [Fact]
    public void The_format_version_stays_a_string()
    {
        var yaml = TemplateWriter.ToYaml(Trees.Sample());

        Assert.StartsWith("AWSTemplateFormatVersion: \"2010-09-09\"\n", yaml);
    }

    [Fact]
    public void A_scalar_root_is_one_line()
    {
        Assert.Equal("\"yes\"\n", TemplateWriter.ToYaml(new Str("yes")));
        Assert.Equal("{}\n", TemplateWriter.ToYaml(MapExpr.Empty));
    }
}
