namespace ComposeEcs.Cli.Tests.Hostile;

/// <summary>
/// Reproducers of issue #14 repeated until the input is near 1 MB (bench/README.md measures them in Release): each is
/// refused at a position or converts, within the bounds.
/// </summary>
public sealed class HostileAtScaleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("compose-ecs-hostile-scale-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string text) => File.WriteAllText(Path.Combine(_dir, "compose.yaml"), text);

    [Fact]
    public async Task Thirty_thousand_ranges_of_every_port_are_refused_without_expanding_them()
    {
        Write("services:\n  web:\n    image: nginx\n    ports:\n" + string.Concat(Enumerable.Repeat("      - \"1-65535:1-65535\"\n", 30_000)));

        var (config, convert) = await HostileRun.AssertBoundedAsync(_dir, "30,000 wide ranges");

        Assert.Equal(2, convert.Exit);
        Assert.StartsWith("compose.yaml:5:9: error CE1003: service \"web\": ports[0]: port range \"1-65535\" spans 65,535 ports; at most 1,000 per range", config.Error);
    }

    [Fact]
    public async Task Ranges_past_the_ports_budget_are_refused_at_the_first_one_over()
    {
        Write("services:\n  web:\n    image: nginx\n    expose: [\"1-1000\"]\n    ports:\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"      - \"{2000 + i % 50 * 1000}-{2999 + i % 50 * 1000}\"\n")));

        var (config, _) = await HostileRun.AssertBoundedAsync(_dir, "20,000 ranges of 1,000");

        Assert.Equal(2, config.Exit);
        Assert.Contains("more than 10,000 ports", config.Error);
    }

    [Fact]
    public async Task Thirty_five_thousand_variables_in_one_service_are_refused_by_the_task_definition_quota()
    {
        Write("services:\n  web:\n    image: nginx\n    environment:\n" + string.Concat(Enumerable.Range(0, 35_000).Select(i => $"      VARIABLE_{i}: value-{i}\n")));

        var (config, convert) = await HostileRun.AssertBoundedAsync(_dir, "35,000 variables");

        Assert.Equal(0, config.Exit);
        Assert.Equal(2, convert.Exit);
        Assert.Matches(@"^compose\.yaml:2:3: error CE2041: service ""web"": its task definition would be [\d,]+ bytes; ECS takes at most 65,536 \(64 KiB\)", convert.Error);
    }
}
