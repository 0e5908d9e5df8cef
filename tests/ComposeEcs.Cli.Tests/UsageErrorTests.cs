namespace ComposeEcs.Cli.Tests;

public sealed class UsageErrorTests
{
    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);

    private static Task<CliRun> Run(params string[] args) =>
        UpTestSupport.RunInAsync(Path.GetTempPath(), NoEnvironment, CancellationToken.None, args);

    [Fact]
    public async Task An_unknown_command_is_one_line_naming_it_with_exit_code_2()
    {
        var run = await Run("deploy");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error CE4001: unknown command 'deploy' (see 'compose-ecs --help')\n", run.Error);
    }

    [Fact]
    public async Task A_value_outside_the_choices_is_one_line()
    {
        var run = await Run("convert", "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("'xml'", run.Error);
    }

    [Fact]
    public void A_number_option_given_a_word_says_so_without_dotnet_type_names()
    {
        var count = new System.CommandLine.Option<int?>("--count");
        var command = new System.CommandLine.RootCommand { count };

        var message = UsageErrors.OneLine(command.Parse(["--count", "abc"]));

        Assert.Equal("--count: 'abc' is not a whole number", message);
    }

    [Theory]
    [InlineData("config", "--nonsense")]
    [InlineData("logs", "--bogus")]
    public async Task An_unknown_option_is_not_taken_for_a_service_name(string command, string option)
    {
        var run = await Run(command, option);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error CE4001: unknown option '{option}' (see 'compose-ecs {command} --help')\n", run.Error);
    }
}
