using ComposeEcs.Cli.Messages;
using ComposeEcs.Compose;

namespace ComposeEcs.Cli.Tests;

/// <summary>One message format on stderr: <c>file:line:col: error|warning CE1234: ...</c> or <c>note: ...</c>, coloured only on a terminal.</summary>
public sealed class MessageFormatTests
{
    private const string TwoRestarts = """
        services:
          web:
            image: nginx
            restart: always
          db:
            image: postgres
            restart: always
        """;

    private static async Task<CliRun> RunAsync(string compose, Dictionary<string, string>? environment = null, bool errorTerminal = false, params string[] args)
    {
        var directory = Directory.CreateTempSubdirectory("compose-ecs-messages-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "compose.yaml"), compose);
            var output = new StringWriter();
            var error = new StringWriter();
            var context = new CliContext(output, error, environment ?? new(StringComparer.Ordinal), directory)
            {
                IsErrorTerminal = errorTerminal,
                AwsSdkFallback = new ComposeEcs.Aws.Credentials.NoSdkFallback(),
            };
            var exit = await CliApp.RunAsync(args, context);
            return new CliRun(exit, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Repeated_warnings_of_one_kind_are_one_line_naming_the_services()
    {
        var run = await RunAsync(TwoRestarts, args: "convert");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^compose\.yaml:\d+:\d+: warning CE2003: services web, db: restart: ignored, [^\n]* \(--verbose shows each\)\n$", run.Error);
    }

    [Theory]
    [InlineData("convert", "--verbose")]
    [InlineData("--verbose", "convert")]
    public async Task Verbose_shows_each_repeated_warning(params string[] args)
    {
        var run = await RunAsync(TwoRestarts, args: args);

        Assert.Matches(
            "^compose\\.yaml:\\d+:\\d+: warning CE2003: service \"web\": restart: ignored[^\n]*\n" +
            "compose\\.yaml:\\d+:\\d+: warning CE2003: service \"db\": restart: ignored[^\n]*\n$",
            run.Error);
    }

    [Fact]
    public async Task Errors_carry_the_error_marker_after_their_position()
    {
        var run = await RunAsync("services:\n  web:\n    image: nginx\n    ports: [\"80:abc\"]\n", args: "convert");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("compose.yaml:4:13: error CE1040: service \"web\": ports[0]:", run.Error);
    }

    [Fact]
    public async Task Errors_without_a_position_start_with_the_error_marker()
    {
        var run = await RunAsync("services: {web: {image: nginx}}\n", new(StringComparer.Ordinal) { ["HOME"] = "/nonexistent" }, args: ["ps"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error CE3001: ", run.Error);
    }

    [Fact]
    public async Task On_a_terminal_the_markers_are_coloured()
    {
        var run = await RunAsync(TwoRestarts, errorTerminal: true, args: "convert");

        Assert.Matches("^\e\\[1mcompose\\.yaml:\\d+:\\d+:\e\\[0m \e\\[1;33mwarning CE2003:\e\\[0m services web, db:", run.Error);
    }

    [Fact]
    public async Task NO_COLOR_turns_the_colours_off_on_a_terminal()
    {
        var run = await RunAsync(TwoRestarts, new(StringComparer.Ordinal) { ["NO_COLOR"] = "1" }, errorTerminal: true, args: "convert");

        Assert.DoesNotContain("\e[", run.Error);
    }

    [Theory]
    [InlineData("compose-ecs: no region", "error: no region")]
    [InlineData("compose-ecs: warning: slow", "warning: slow")]
    [InlineData("note: up fills X", "note: up fills X")]
    [InlineData("Interrupted: nothing was deployed.", "Interrupted: nothing was deployed.")]
    [InlineData("a.yaml:1:2: error: bad", "a.yaml:1:2: error: bad")]
    public void Every_message_line_has_one_format(string written, string shown) =>
        Assert.Equal(shown, MessageWriter.Render(written, colour: false));

    [Theory]
    [InlineData("error: x", "\e[1;31merror:\e[0m x")]
    [InlineData("note: x", "\e[1;36mnote:\e[0m x")]
    [InlineData("a.yaml:1:2: warning: x", "\e[1ma.yaml:1:2:\e[0m \e[1;33mwarning:\e[0m x")]
    [InlineData("a.yaml:1:2: error CE1040: x", "\e[1ma.yaml:1:2:\e[0m \e[1;31merror CE1040:\e[0m x")]
    [InlineData("Creating stack shop", "Creating stack shop")]
    public void Colour_marks_the_severity_and_the_position(string line, string coloured) =>
        Assert.Equal(coloured, MessageWriter.Render(line, colour: true));

    [Fact]
    public void Warnings_of_one_service_or_of_different_kinds_stay_separate()
    {
        var at = new SourceLocation("c.yaml", 1, 1);
        var lines = DiagnosticReport.Lines(
        [
            Diagnostic.Warning("service \"a\": restart: ignored", at),
            Diagnostic.Warning("service \"a\": links: ignored", at),
            Diagnostic.Error("service \"b\": bad port"),
        ], verbose: false);

        Assert.Equal(["c.yaml:1:1: warning: service \"a\": restart: ignored", "c.yaml:1:1: warning: service \"a\": links: ignored", "error: service \"b\": bad port"], lines);
    }

    [Fact]
    public void Tens_of_thousands_of_errors_print_the_first_ones_and_a_count()
    {
        var errors = Enumerable.Range(1, 30_000).Select(i => Diagnostic.Error($"bad port {i}", new SourceLocation("c.yaml", i, 5))).ToList();

        var lines = DiagnosticReport.Lines(errors, verbose: false).ToList();

        Assert.Equal(DiagnosticReport.ShownLines + 1, lines.Count);
        Assert.Equal("c.yaml:1:5: error: bad port 1", lines[0]);
        Assert.Equal("note: 29,800 more errors and warnings are not shown (--verbose shows each)", lines[^1]);
        Assert.Equal(30_000, DiagnosticReport.Lines(errors, verbose: true).Count());
    }

    [Fact]
    public void A_summary_of_many_services_names_the_first_ten()
    {
        var at = new SourceLocation("c.yaml", 1, 1);
        var warnings = Enumerable.Range(1, 25).Select(i => Diagnostic.Warning($"service \"s{i}\": restart: ignored", at));

        var line = Assert.Single(DiagnosticReport.Lines(warnings, verbose: false));

        Assert.Equal("c.yaml:1:1: warning: services s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 and 15 more: restart: ignored (--verbose shows each)", line);
    }
}
