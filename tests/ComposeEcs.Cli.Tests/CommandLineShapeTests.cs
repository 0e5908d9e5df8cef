using ComposeEcs.Cli.Parsing;

namespace ComposeEcs.Cli.Tests;

/// <summary>The command line as docker compose users type it: flags before the command, bare help, suggestions, version.</summary>
public sealed class CommandLineShapeTests
{
    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);

    private static Task<CliRun> Run(params string[] args) =>
        UpTestSupport.RunInAsync(Path.GetTempPath(), NoEnvironment, CancellationToken.None, args);

    [Theory]
    [InlineData(new[] { "-f", "a.yaml", "-p", "shop", "up" }, new[] { "up", "--file", "a.yaml", "--project-name", "shop" })]
    [InlineData(new[] { "--file=a.yaml", "config", "--services" }, new[] { "config", "--file=a.yaml", "--services" })]
    [InlineData(new[] { "--project-directory", "d", "--env-file", "e", "--profile", "x", "ps", "-a" },
        new[] { "ps", "--project-directory", "d", "--env-file", "e", "--profile", "x", "-a" })]
    [InlineData(new[] { "-f", "a.yaml", "logs", "-f" }, new[] { "logs", "--file", "a.yaml", "-f" })]
    [InlineData(new[] { "--verbose", "convert" }, new[] { "convert", "--verbose" })]
    [InlineData(new[] { "convert", "-f", "a.yaml" }, new[] { "convert", "-f", "a.yaml" })]
    [InlineData(new[] { "-f", "a.yaml", "--help" }, new[] { "-f", "a.yaml", "--help" })]
    [InlineData(new[] { "-f" }, new[] { "-f" })]
    public void Project_flags_before_the_command_move_after_it_spelled_out(string[] args, string[] expected) =>
        Assert.Equal(expected, LeadingOptions.Move(args));

    [Fact]
    public async Task Project_flags_work_before_the_command()
    {
        var compose = Path.Combine(UpTestSupport.SamplesDirectory(), "webapp-postgres", "compose.yaml");

        var run = await Run("-f", compose, "-p", "shop", "config", "--services");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("db\nweb\n", run.Out);
    }

    [Fact]
    public async Task Before_logs_dash_f_is_the_file_and_after_it_follow()
    {
        var run = await Run("-f", "missing.yaml", "logs", "-f", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("-f, --follow", run.Out);
    }

    [Fact]
    public async Task Bare_compose_ecs_prints_the_help_and_exits_0()
    {
        var run = await Run();

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Description:", run.Out);
        Assert.Contains("Usage:\n  compose-ecs [OPTIONS] COMMAND\n", run.Out);
        Assert.Contains("Project options (before or after the command):", run.Out);
        Assert.Equal("", run.Error);
    }

    [Theory]
    [InlineData(new[] { "convret" }, "unknown command 'convret' (did you mean 'convert'?) (see 'compose-ecs --help')")]
    [InlineData(new[] { "lgos" }, "unknown command 'lgos' (did you mean 'logs'?) (see 'compose-ecs --help')")]
    [InlineData(new[] { "deploy" }, "unknown command 'deploy' (see 'compose-ecs --help')")]
    [InlineData(new[] { "config", "--servics" }, "unknown option '--servics' (did you mean '--services'?) (see 'compose-ecs config --help')")]
    [InlineData(new[] { "ps", "web" }, "unknown argument 'web' (see 'compose-ecs ps --help')")]
    public async Task Unknown_words_get_the_closest_match_and_the_commands_own_help(string[] args, string message)
    {
        var run = await Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error CE4001: {message}\n", run.Error);
    }

    [Fact]
    public async Task Help_shows_optional_arguments_as_optional_in_capitals_everywhere()
    {
        var root = (await Run("--help")).Out;
        var config = (await Run("config", "--help")).Out;
        var logs = (await Run("logs", "--help")).Out;

        Assert.Contains("  config [SERVICE...]  ", root);
        Assert.Contains("  logs [SERVICE...]    ", root);
        Assert.Contains("Usage:\n  compose-ecs config [OPTIONS] [SERVICE...]\n", config);
        Assert.Contains("Usage:\n  compose-ecs logs [OPTIONS] [SERVICE...]\n", logs);
        Assert.Contains("  -f, --file FILE ", config);
        Assert.Contains("  --format json|yaml ", config);
        Assert.Contains("  -h, --help ", config);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("version")]
    public async Task Version_prints_one_line(string arg)
    {
        var run = await Run(arg);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^compose-ecs version \d+\.\d+\.\d+\S*\n$", run.Out);
    }

    [Fact]
    public async Task Version_short_prints_the_number_alone()
    {
        var run = await Run("version", "--short");

        Assert.Matches(@"^\d+\.\d+\.\d+\S*\n$", run.Out);
    }

    [Theory]
    [InlineData("convret", "convert")]
    [InlineData("--servics", "--services")]
    [InlineData("ls", "ls")]
    [InlineData("xyz", null)]
    public void Suggestions_allow_a_third_of_the_word_to_be_wrong(string typed, string? expected) =>
        Assert.Equal(expected, Suggestions.Closest(typed, ["config", "convert", "logs", "ls", "--services", "--volumes"]));

    [Fact]
    public void A_word_longer_than_any_name_gets_no_suggestion_and_costs_nothing() =>
        Assert.Null(Suggestions.Closest(new string('x', 1_000_000), ["config", "convert"]));
}
