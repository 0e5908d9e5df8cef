namespace ComposeEcs.Cli.Tests.Hostile;

/// <summary>
/// The reproducers of issue #14 (found by mutating real compose files): each took gigabytes, minutes, blocked, crashed
/// or wrote escape sequences to the terminal. Now each is refused at a position with exit 2, or loads, within bounds.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("compose-ecs-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir, name), text);

    private const string Web = "services:\n  web:\n    image: nginx\n";

    [Fact]
    public async Task Interpolation_nested_20000_deep_is_refused_at_the_value_without_quadratic_cost()
    {
        const int depth = 20_000;
        Write("compose.yaml", Web + "    environment:\n      X: \"" + string.Concat(Enumerable.Repeat("${A:-", depth)) + "x" + new string('}', depth) + "\"\n");

        var (config, _) = await HostileRun.AssertBoundedAsync(_dir, "nested interpolation");

        Assert.Equal(2, config.Exit);
        Assert.StartsWith("compose.yaml:5:10: ", config.Error);
        Assert.Contains("nested deeper than 32 levels", config.Error);
    }

    [Fact]
    public async Task Interpolation_nested_a_few_levels_still_works()
    {
        Write("compose.yaml", Web + "    environment:\n      X: \"${A:-${B:-${C:-${D:-deep}}}}\"\n");

        var (config, _) = await HostileRun.AssertBoundedAsync(_dir, "shallow interpolation");

        Assert.Equal(0, config.Exit);
        Assert.Contains("X: deep", config.Out);
    }

    [Fact]
    public async Task A_chain_of_aliases_deeper_than_the_limit_is_refused_at_the_alias()
    {
        var lines = new List<string> { "x-a0: &a0 [x]" };
        for (var i = 1; i < 1200; i++) lines.Add($"x-a{i}: &a{i} [*a{i - 1}]");
        Write("compose.yaml", string.Join("\n", lines) + "\n" + Web);

        var (config, convert) = await HostileRun.AssertBoundedAsync(_dir, "alias chain");

        Assert.Equal(2, config.Exit);
        Assert.Equal(2, convert.Exit);
        Assert.Contains("compose.yaml:100:14: error CE1002: invalid YAML: nesting deeper than 100 levels (after alias expansion)", config.Error);
    }

    [Fact]
    public async Task A_big_string_referenced_a_thousand_times_is_refused_by_its_expanded_size()
    {
        Write("compose.yaml", "x-big: &big \"" + new string('y', 100_000) + "\"\n" + Web + "    environment:\n"
            + string.Concat(Enumerable.Range(0, 1000).Select(i => $"      V{i}: *big\n")));

        var (config, _) = await HostileRun.AssertBoundedAsync(_dir, "big string");

        Assert.Equal(2, config.Exit);
        Assert.Matches(@"^compose\.yaml:\d+:12: error CE1002: invalid YAML: document too large: more than 8,000,000 characters", config.Error);
    }

    [Fact]
    public async Task Files_that_include_the_next_twice_are_each_loaded_once()
    {
        for (var i = 0; i < 22; i++)
        {
            var body = $"services:\n  s{i}:\n    image: nginx\n";
            if (i < 21) body = $"include:\n  - inc{i + 1}.yaml\n  - inc{i + 1}.yaml\n" + body;
            Write(i == 0 ? "compose.yaml" : $"inc{i}.yaml", body);
        }

        var (config, _) = await HostileRun.AssertBoundedAsync(_dir, "exponential includes");

        Assert.Equal(0, config.Exit);
        Assert.Contains("  s21:", config.Out);
    }

    [Theory]
    [InlineData("env_file", "services:\n  web:\n    image: nginx\n    env_file: /dev/zero\n", "compose.yaml:4:15: error CE1001: service \"web\": env_file: cannot read ")]
    [InlineData("include", "include: [/dev/zero]\nservices:\n  web:\n    image: nginx\n", "compose.yaml:1:11: error CE1001: cannot read ")]
    public async Task Dev_zero_is_refused_by_name_not_read(string field, string compose, string expected)
    {
        Write("compose.yaml", compose);

        var (config, convert) = await HostileRun.AssertBoundedAsync(_dir, field + " /dev/zero");

        Assert.Equal(2, config.Exit);
        Assert.StartsWith(expected, config.Error);
        Assert.Contains("dev/zero: is a character device, not a regular file", convert.Error);
    }

    [Fact]
    public async Task Dev_zero_as_the_compose_file_is_refused_by_name()
    {
        var (config, _) = await HostileRun.AssertBoundedAsync(_dir, "-f /dev/zero", "-f", "/dev/zero");

        Assert.Equal(2, config.Exit);
        Assert.Contains("dev/zero: is a character device, not a regular file", config.Error);
    }

    [Fact]
    public async Task A_fifo_as_env_file_is_refused_instead_of_blocking()
    {
        if (OperatingSystem.IsWindows()) return;
        Write("compose.yaml", Web + "    env_file: ./pipe\n");
        var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(_dir, "pipe"));
        await mkfifo.WaitForExitAsync();

        var run = HostileRun.CliAsync(_dir, "config");
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.Same(run, finished);
        var result = await run;
        Assert.Equal(2, result.Exit);
        Assert.StartsWith("compose.yaml:4:15: error CE1001: service \"web\": env_file: cannot read pipe: is a FIFO, not a regular file", result.Error);
    }

    [Fact]
    public async Task A_port_range_of_every_port_is_refused_at_the_entry()
    {
        Write("compose.yaml", Web + "    ports: [\"1-65535:1-65535\"]\n");

        var (config, convert) = await HostileRun.AssertBoundedAsync(_dir, "every port");

        Assert.Equal(2, convert.Exit);
        Assert.StartsWith("compose.yaml:4:13: error CE1003: service \"web\": ports[0]: port range \"1-65535\" spans 65,535 ports; at most 1,000 per range", config.Error);
    }

    [Fact]
    public async Task More_published_ports_than_a_load_balancer_takes_are_refused_by_convert()
    {
        Write("compose.yaml", Web + "    ports: [\"8000-8200:8000-8200\"]\n");

        var (config, convert) = await HostileRun.AssertBoundedAsync(_dir, "201 ports");

        Assert.Equal(0, config.Exit);
        Assert.Equal(2, convert.Exit);
        Assert.Contains("compose.yaml:4:13: error CE2010: service \"web\": ports: one entry publishes 201 ports; a load balancer takes at most 100", convert.Error);
    }

    [Fact]
    public async Task Control_characters_in_a_name_are_escaped_on_the_terminal()
    {
        Write("compose.yaml", "services:\n  \"we\\e]0;pwned\\ab\\e[2J\":\n    image: nginx\n");

        var (config, _) = await HostileRun.AssertBoundedAsync(_dir, "escape sequences");

        Assert.Equal(2, config.Exit);
        Assert.Contains("invalid service name \"we\\x1b]0;pwned\\x07b\\x1b[2J\"", config.Error);
    }

    [Fact]
    public async Task A_huge_bad_value_makes_a_short_error()
    {
        Write("compose.yaml", Web + "    ports: [\"" + new string('9', 3_000_000) + "\"]\n");

        var (config, _) = await HostileRun.AssertBoundedAsync(_dir, "huge value");

        Assert.Equal(2, config.Exit);
        Assert.Contains("invalid port \"9999", config.Error);
        Assert.Contains("characters)", config.Error);
        Assert.True(config.Error.Length < 1_000, config.Error.Length.ToString());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_by_name()
    {
        Write("compose.yaml", Web + "x-pad: \"" + new string('p', 5_000_000) + "\"\n");

        var (config, _) = await HostileRun.AssertBoundedAsync(_dir, "5 MB file");

        Assert.Equal("error CE1001: cannot read compose.yaml: is larger than 4 MB\n", config.Error);
    }

    [Fact]
    public async Task A_nul_byte_in_a_path_is_a_positioned_error()
    {
        Write("compose.yaml", Web + "    env_file: \"a\\0b\"\n");

        var (config, _) = await HostileRun.AssertBoundedAsync(_dir, "NUL");

        Assert.Equal("compose.yaml:4:15: error CE1002: invalid YAML: a value contains a NUL character (\\0)\n", config.Error);
    }

    [Fact]
    public async Task More_than_a_thousand_services_are_refused_at_the_first_one_too_many()
    {
        Write("compose.yaml", "services:\n" + string.Concat(Enumerable.Range(0, 1001).Select(i => $"  s{i}: {{image: nginx}}\n")));

        var (config, _) = await HostileRun.AssertBoundedAsync(_dir, "1,001 services");

        Assert.Equal("compose.yaml:1002:3: error CE1003: more than 1,000 services\n", config.Error);
    }

    [Fact]
    public async Task A_long_extends_chain_is_refused_not_recursed()
    {
        Write("compose.yaml", "services:\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"  s{i}: {{extends: s{i + 1}}}\n")) + "  s500: {image: nginx}\n");

        var (config, _) = await HostileRun.AssertBoundedAsync(_dir, "extends chain");

        Assert.Equal(2, config.Exit);
        Assert.Contains("extends chain longer than 64 services", config.Error);
    }
}
