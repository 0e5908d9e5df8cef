using ComposeEcs.Compose.Loading;

namespace ComposeEcs.Compose.Tests;

public sealed class InterpolationTests
{
    private static readonly Dictionary<string, string> Vars = new() { ["SET"] = "value", ["EMPTY"] = "", ["PORT"] = "8080" };

    private static Interpolation.Outcome Run(string template) => Interpolation.Substitute(template, n => Vars.GetValueOrDefault(n));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("$SET", "value")]
    [InlineData("${SET}", "value")]
    [InlineData("a${SET}b", "avalueb")]
    [InlineData("$SET-suffix", "value-suffix")]
    [InlineData("${UNSET:-dflt}", "dflt")]
    [InlineData("${EMPTY:-dflt}", "dflt")]
    [InlineData("${EMPTY-dflt}", "")]
    [InlineData("${UNSET-dflt}", "dflt")]
    [InlineData("${SET:+alt}", "alt")]
    [InlineData("${EMPTY:+alt}", "")]
    [InlineData("${EMPTY+alt}", "alt")]
    [InlineData("${UNSET+alt}", "")]
    [InlineData("${A:-${B:-x}}", "x")]
    [InlineData("${A:-${PORT}}", "8080")]
    [InlineData("${A:-http://${H:-localhost}:${PORT}/}", "http://localhost:8080/")]
    [InlineData("$$SET", "$SET")]
    [InlineData("$${SET}", "${SET}")]
    [InlineData("100$", "100$")]
    [InlineData("a $ b", "a $ b")]
    [InlineData("${UNSET:-a}}", "a}")]
    [InlineData("${UNSET:-}", "")]
    public void Substitutes_like_compose(string template, string expected)
    {
        var outcome = Run(template);
        Assert.Null(outcome.Error);
        Assert.Equal(expected, outcome.Value);
    }

    [Theory]
    [InlineData("${UNSET:?boom}", "required variable UNSET is missing a value: boom")]
    [InlineData("${EMPTY:?boom}", "required variable EMPTY is missing a value: boom")]
    [InlineData("${UNSET?}", "required variable UNSET is missing a value")]
    [InlineData("${UNSET:?need ${SET}}", "required variable UNSET is missing a value: need value")]
    [InlineData("${SET", "missing closing brace")]
    [InlineData("${}", "invalid variable name")]
    [InlineData("${SET!x}", "invalid modifier after \"SET\"")]
    public void Reports_required_and_malformed_templates(string template, string error)
    {
        Assert.Equal(error, Run(template).Error);
    }

    [Fact]
    public void Empty_but_set_variable_passes_the_plain_question_mark()
    {
        Assert.Equal("", Run("${EMPTY?boom}").Value);
    }

    [Fact]
    public void Unset_variables_are_reported_once_for_warnings()
    {
        Assert.Equal(["A"], Run("$A ${A} ${SET}").Unset);
    }
}
