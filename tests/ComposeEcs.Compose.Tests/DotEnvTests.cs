using ComposeEcs.Compose.Loading;

namespace ComposeEcs.Compose.Tests;

public sealed class DotEnvTests
{
    private static Dictionary<string, string> Parse(string content, Func<string, string?>? lookup = null)
    {
        var parsed = DotEnv.Parse(content, ".env", lookup ?? (_ => null));
        Assert.Null(parsed.Error);
        return parsed.Values.ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    [Fact]
    public void Reads_comments_export_and_quotes()
    {
        var values = Parse("# comment\nexport A=1\nB = spaced  # trailing\nC='single $A'\nD=\"double ${A}\\n\"\n");
        Assert.Equal("1", values["A"]);
        Assert.Equal("spaced", values["B"]);
        Assert.Equal("single $A", values["C"]);
        Assert.Equal("double 1\n", values["D"]);
    }

    [Fact]
    public void Reads_multi_line_double_quoted_values()
    {
        var values = Parse("KEY=\"-----BEGIN-----\nabc\n-----END-----\"\nNEXT=1\n");
        Assert.Equal("-----BEGIN-----\nabc\n-----END-----", values["KEY"]);
        Assert.Equal("1", values["NEXT"]);
    }

    [Fact]
    public void Expands_from_earlier_lines_then_the_environment()
    {
        var values = Parse("A=x\nB=${A}-${SHELL_VAR}-${MISSING:-d}\n", n => n == "SHELL_VAR" ? "s" : null);
        Assert.Equal("x-s-d", values["B"]);
    }

    [Fact]
    public void Bare_key_is_taken_from_the_environment_or_left_out()
    {
        var values = Parse("FROM_ENV\nABSENT\n", n => n == "FROM_ENV" ? "here" : null);
        Assert.Equal("here", values["FROM_ENV"]);
        Assert.False(values.ContainsKey("ABSENT"));
    }

    [Fact]
    public void Unterminated_quote_is_an_error_with_the_line()
    {
        var parsed = DotEnv.Parse("A=1\nB=\"open\n", "app.env", _ => null);
        Assert.Equal("app.env:2:1: error CE1012: unterminated quoted value for \"B\"", parsed.Error!.ToString());
    }
}
