using ComposeEcs.Compose.Bounds;
using ComposeEcs.Compose.Loading;

namespace ComposeEcs.Compose.Tests;

public sealed class BoundsTests
{
    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("${A:-", depth)) + "v" + new string('}', depth);

    [Fact]
    public void Interpolation_nested_to_the_limit_substitutes()
    {
        var outcome = Interpolation.Substitute(Nested(LoadLimits.MaxInterpolationDepth), _ => null);
        Assert.Equal("v", outcome.Value);
    }

    [Fact]
    public void Interpolation_nested_past_the_limit_is_an_error_even_in_an_unused_branch()
    {
        Assert.Contains("nested deeper", Interpolation.Substitute(Nested(LoadLimits.MaxInterpolationDepth + 1), _ => null).Error);
        Assert.Contains("nested deeper", Interpolation.Substitute(Nested(LoadLimits.MaxInterpolationDepth + 1), _ => "set").Error);
    }

    [Fact]
    public void Interpolation_of_an_unused_branch_is_lazy()
    {
        var outcome = Interpolation.Substitute("${A:-${B:?must be set}}", n => n == "A" ? "a" : null);
        Assert.Equal("a", outcome.Value);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public void Messages_escape_control_characters_and_shorten_long_quoted_values()
    {
        Assert.Equal("name \"a\\x1b[2Jb\\x07\\n\"", MessageText.Clean("name \"a\u001b[2Jb\u0007\n\""));
        var cleaned = MessageText.Clean("invalid port \"" + new string('9', 1_000_000) + "\" in ports");
        Assert.True(cleaned.Length < 300, cleaned);
        Assert.EndsWith("999\" in ports", cleaned);
        Assert.Contains("characters)", cleaned);
    }

    [Fact]
    public void Special_files_are_refused_by_kind_before_they_are_opened()
    {
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal((null, "is a character device, not a regular file"), InputFiles.ReadText("/dev/zero"));
        Assert.Equal((null, "is a directory"), InputFiles.ReadText("/"));
        Assert.Equal((null, "the path contains a NUL character"), InputFiles.ReadText("a\0b"));
    }
}
