namespace ComposeEcs.Deploy.Tests;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("10m", 600_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("250ms", 250)]
    [InlineData("90s", 90_000)]
    public void Durations_are_read_as_users_type_them(string text, long milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Durations.ParseDuration(text));

    [Theory]
    [InlineData("10")]
    [InlineData("ten minutes")]
    [InlineData("")]
    public void Other_text_is_not_a_duration(string text) => Assert.Null(Durations.ParseDuration(text));

    [Fact]
    public void Since_accepts_a_duration_or_an_RFC3339_timestamp()
    {
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Assert.Equal(now.AddHours(-1), Durations.ParseSince("1h", now));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Durations.ParseSince("2026-01-01T00:00:00Z", now));
        Assert.Null(Durations.ParseSince("yesterday", now));
    }

    [Theory]
    [InlineData("my_app", "my-app")]
    [InlineData("web", "web")]
    [InlineData("1st", "compose-1st")]
    public void Stack_names_follow_cloudformation_rules(string project, string stack) => Assert.Equal(stack, StackNames.For(project));
}
