using ComposeEcs.Compose.Decoding;
using ComposeEcs.Compose.Loading;

namespace ComposeEcs.Compose.Tests;

public sealed class UnitsAndSyntaxTests
{
    [Theory]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("1h", 3_600_000)]
    [InlineData("2.5s", 2_500)]
    [InlineData("1h2m3s4ms", 3_723_004)]
    [InlineData("10", 10_000)]
    public void Parses_go_durations(string text, long milliseconds)
    {
        Assert.True(Units.TryParseDuration(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("10 seconds")]
    [InlineData("1x")]
    [InlineData("")]
    [InlineData("s")]
    public void Rejects_bad_durations(string text) => Assert.False(Units.TryParseDuration(text, out _));

    [Theory]
    [InlineData(90_000, "1m30s")]
    [InlineData(500, "500ms")]
    [InlineData(3_600_000, "1h0m0s")]
    [InlineData(2_500, "2.5s")]
    [InlineData(0, "0s")]
    public void Formats_durations_like_go(long milliseconds, string expected) =>
        Assert.Equal(expected, Units.FormatDuration(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("512m", 512L << 20)]
    [InlineData("2Gb", 2L << 30)]
    [InlineData("1.5g", 3L << 29)]
    [InlineData("1024", 1024)]
    [InlineData("64k", 64L << 10)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("100 MB", 100L << 20)]
    public void Parses_byte_sizes(string text, long bytes)
    {
        Assert.True(Units.TryParseBytes(text, out var value));
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-1m")]
    [InlineData("1q")]
    public void Rejects_bad_sizes(string text) => Assert.False(Units.TryParseBytes(text, out _));

    [Theory]
    [InlineData("echo hello", new[] { "echo", "hello" })]
    [InlineData("sh -c \"echo $HOME && ls\"", new[] { "sh", "-c", "echo $HOME && ls" })]
    [InlineData("a 'b c' d\\ e", new[] { "a", "b c", "d e" })]
    [InlineData("  spaced   out  ", new[] { "spaced", "out" })]
    [InlineData("\"\"", new[] { "" })]
    public void Splits_commands_like_shellwords(string line, string[] words) => Assert.Equal(words, ShellWords.Split(line)!.Value);

    [Fact]
    public void Unterminated_quote_does_not_split() => Assert.Null(ShellWords.Split("echo 'oops"));

    [Theory]
    [InlineData("80", 80, null, null, "tcp")]
    [InlineData("8080:80", 80, "8080", null, "tcp")]
    [InlineData("127.0.0.1:53:53/udp", 53, "53", "127.0.0.1", "udp")]
    [InlineData("[::1]:80:80", 80, "80", "::1", "tcp")]
    [InlineData("8000-8005:80", 80, "8000-8005", null, "tcp")]
    public void Parses_short_port_syntax(string spec, int target, string? published, string? hostIp, string protocol)
    {
        var port = Assert.Single(Ports.ParseShort(spec)!.Value);
        Assert.Equal(target, port.Target);
        Assert.Equal(published, port.Published);
        Assert.Equal(hostIp, port.HostIp);
        Assert.Equal(protocol, port.Protocol);
    }

    [Fact]
    public void Port_range_to_range_maps_pairwise()
    {
        var ports = Ports.ParseShort("9090-9091:8080-8081")!.Value;
        Assert.Equal([(8080, "9090"), (8081, "9091")], ports.Select(p => (p.Target, p.Published!)));
    }

    [Theory]
    [InlineData("80:abc")]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("80/http")]
    [InlineData("9090-9092:8080-8081")]
    [InlineData("1.2.3:80:80")]
    public void Rejects_invalid_ports(string spec) => Assert.Null(Ports.ParseShort(spec));

    [Theory]
    [InlineData("myapp", true)]
    [InlineData("my_app-2", true)]
    [InlineData("1app", true)]
    [InlineData("MyApp", false)]
    [InlineData("-app", false)]
    [InlineData("my.app", false)]
    [InlineData("", false)]
    public void Validates_explicit_project_names(string name, bool valid) => Assert.Equal(valid, ProjectNames.IsValid(name));

    [Theory]
    [InlineData("My.App Dir", "myappdir")]
    [InlineData("_hidden", "hidden")]
    [InlineData("Shop-API", "shop-api")]
    public void Normalises_directory_names(string directory, string name) => Assert.Equal(name, ProjectNames.Normalize(directory));
}
