using ComposeEcs.Aws.Credentials;
namespace ComposeEcs.Cli.Tests;

public sealed class ConfigCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("compose-ecs-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string file, string content) => File.WriteAllText(Path.Combine(_directory, file), content);

    private async Task<(int Exit, string Out, string Error)> Run(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliContext(output, error, env ?? new Dictionary<string, string>(), _directory) { AwsSdkFallback = new NoSdkFallback() });
        return (exit, output.ToString(), error.ToString());
    }

    private Task<(int Exit, string Out, string Error)> Run(params string[] args) => Run(null, args);

    private const string App = """
        name: shop
        services:
          web:
            image: nginx:${TAG:-1.27}
            ports: ["8080:80"]
            healthcheck:
              test: curl -f http://localhost
              interval: 90s
            deploy:
              resources:
                limits: {memory: 512m}
          db:
            image: postgres:16
            profiles: [db]
            volumes: [pgdata:/var/lib/postgresql/data]
          tools:
            image: busybox
            profiles: [tools, debug]
        volumes:
          pgdata: {}
          cache: {}
        """;

    [Fact]
    public async Task Config_prints_the_resolved_project_as_yaml_and_exits_0()
    {
        Write("compose.yaml", App);

        var run = await Run("config");

        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Error);
        Assert.StartsWith("name: shop\nservices:\n  web:\n", run.Out);
        Assert.Contains("        published: \"8080\"\n", run.Out);
        Assert.Contains("      interval: \"1m30s\"\n", run.Out);
        Assert.Contains("          memory: 536870912\n", run.Out);
        Assert.Contains("    image: nginx:1.27\n", run.Out);
        Assert.DoesNotContain("postgres", run.Out);
    }

    [Fact]
    public async Task Config_output_is_byte_identical_run_to_run()
    {
        Write("compose.yaml", App);

        var first = await Run("config", "--profile", "*");
        var second = await Run("config", "--profile", "*");

        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public async Task Json_format_prints_the_same_project()
    {
        Write("compose.yaml", App);

        var run = await Run("config", "--format", "json");

        Assert.Equal(0, run.Exit);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.Equal("shop", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("8080", json.RootElement.GetProperty("services").GetProperty("web").GetProperty("ports")[0].GetProperty("published").GetString());
    }

    [Fact]
    public async Task Services_profiles_and_volumes_list_names_one_per_line()
    {
        Write("compose.yaml", App);

        Assert.Equal("web\n", (await Run("config", "--services")).Out);
        Assert.Equal("db\nweb\n", (await Run("config", "--services", "--profile", "db")).Out);
        Assert.Equal("db\ndebug\ntools\n", (await Run("config", "--profiles")).Out);
        Assert.Equal("cache\npgdata\n", (await Run("config", "--volumes")).Out);
    }

    [Fact]
    public async Task Named_services_limit_the_output_and_pull_in_profiled_dependencies()
    {
        Write("compose.yaml", "services:\n  web:\n    image: app\n    depends_on: [db]\n  db:\n    image: postgres\n    profiles: [db]\n  other:\n    image: x\n");

        var run = await Run("config", "--services", "web");

        Assert.Equal(0, run.Exit);
        Assert.Equal("db\nweb\n", run.Out);
    }

    [Fact]
    public async Task Flags_reach_the_loader()
    {
        Write("base.yaml", "services:\n  web:\n    image: nginx:${TAG}\n");
        Write("prod.yaml", "services:\n  web:\n    environment: [MODE=prod]\n");
        Write("prod.env", "TAG=prod\n");

        var run = await Run("config", "-f", "base.yaml", "-f", "prod.yaml", "-p", "custom", "--env-file", "prod.env");

        Assert.Equal(0, run.Exit);
        Assert.StartsWith("name: custom\n", run.Out);
        Assert.Contains("image: nginx:prod", run.Out);
        Assert.Contains("MODE: prod", run.Out);
    }

    [Fact]
    public async Task Environment_comes_from_the_cli_context()
    {
        Write("compose.yaml", App);

        var run = await Run(new Dictionary<string, string> { ["TAG"] = "from-env", ["COMPOSE_PROJECT_NAME"] = "envname" }, "config");

        Assert.StartsWith("name: envname\n", run.Out);
        Assert.Contains("image: nginx:from-env", run.Out);
    }

    [Fact]
    public async Task Load_errors_print_one_line_each_and_exit_2()
    {
        Write("compose.yaml", "services:\n  web:\n    image: nginx\n    ports:\n      - \"80:abc\"\n    depends_on: [nothere]\n");

        var run = await Run("config");

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Equal(
            "compose.yaml:2:3: error CE1050: service \"web\": depends_on: undefined service \"nothere\"\n" +
            "compose.yaml:5:9: error CE1040: service \"web\": ports[0]: invalid port \"80:abc\"\n",
            run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Yaml_syntax_errors_exit_2_without_a_stack_trace()
    {
        Write("compose.yaml", "services:\n  web:\n    image: \"nginx\n");

        var run = await Run("config");

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("compose.yaml:3:12: error CE1002: invalid YAML:", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Missing_compose_file_exits_2()
    {
        var run = await Run("config", "-f", "nothere.yaml");

        Assert.Equal(2, run.Exit);
        Assert.Equal("error CE1001: cannot read nothere.yaml: no such file\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Warnings_go_to_stderr_and_the_command_still_succeeds()
    {
        Write("compose.yaml", "version: \"3.8\"\nservices:\n  web:\n    image: nginx:${UNSET_TAG}\n");

        var run = await Run("config");

        Assert.Equal(0, run.Exit);
        Assert.Contains("warning CE1042:", run.Error);
        Assert.Contains("version", run.Error);
        Assert.Contains("UNSET_TAG", run.Error);
    }
}
