namespace ComposeEcs.Cli.Tests.Hostile;

/// <summary>
/// Secret and config files that are not regular files are refused by name, at the field, with exit 2: a FIFO used to
/// block <c>convert</c> forever (it read secret files to tell binary from text) and <c>/dev/zero</c> never ended.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("compose-ecs-special-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Compose(string topLevel) => File.WriteAllText(Path.Combine(_dir, "compose.yaml"),
        "services:\n  web:\n    image: nginx\n    secrets: [cert]\n" + topLevel);

    private async Task MakeFifoAsync(string name)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(_dir, name));
        await mkfifo.WaitForExitAsync();
    }

    [Fact]
    public async Task A_fifo_as_a_secret_file_is_refused_by_config_and_convert_instead_of_blocking()
    {
        if (OperatingSystem.IsWindows()) return;
        await MakeFifoAsync("cert.pem");
        Compose("secrets:\n  cert:\n    file: ./cert.pem\n");

        var (config, convert) = await HostileRun.AssertBoundedAsync(_dir, "secret FIFO");

        foreach (var run in new[] { config, convert })
        {
            Assert.Equal(2, run.Exit);
            Assert.StartsWith("compose.yaml:7:11: error CE1001: secrets.cert.file: cannot read ", run.Error);
            Assert.Contains("cert.pem: is a FIFO, not a regular file", run.Error);
        }
    }

    [Theory]
    [InlineData("/dev/zero", "is a character device, not a regular file")]
    [InlineData("./certs", "is a directory, not a regular file")]
    public async Task A_device_or_a_directory_as_a_secret_file_is_refused_at_the_field(string file, string problem)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "certs"));
        Compose($"secrets:\n  cert:\n    file: {file}\n");

        var (config, convert) = await HostileRun.AssertBoundedAsync(_dir, "secret " + file);

        Assert.Equal(2, config.Exit);
        Assert.Equal(2, convert.Exit);
        Assert.StartsWith("compose.yaml:7:11: error CE1001: secrets.cert.file: cannot read ", config.Error);
        Assert.Contains(problem, config.Error);
    }

    [Fact]
    public async Task A_fifo_or_a_device_as_a_config_file_is_refused_at_the_field()
    {
        if (OperatingSystem.IsWindows()) return;
        await MakeFifoAsync("site.conf");
        File.WriteAllText(Path.Combine(_dir, "cert.pem"), "-----BEGIN CERTIFICATE-----\n");
        File.WriteAllText(Path.Combine(_dir, "compose.yaml"),
            "services:\n  web:\n    image: nginx\n    configs: [site, zero]\nconfigs:\n  site:\n    file: ./site.conf\n  zero:\n    file: /dev/zero\n");

        var (config, convert) = await HostileRun.AssertBoundedAsync(_dir, "config FIFO");

        Assert.Equal(2, convert.Exit);
        Assert.Contains("compose.yaml:7:11: error CE1001: configs.site.file: cannot read ", config.Error);
        Assert.Contains("site.conf: is a FIFO, not a regular file", config.Error);
        Assert.Contains("compose.yaml:9:11: error CE1001: configs.zero.file: cannot read /dev/zero: is a character device, not a regular file", config.Error);
    }

    [Fact]
    public async Task A_regular_secret_file_still_converts()
    {
        File.WriteAllText(Path.Combine(_dir, "cert.pem"), "-----BEGIN CERTIFICATE-----\n");
        Compose("secrets:\n  cert:\n    file: ./cert.pem\n");

        var (config, convert) = await HostileRun.AssertBoundedAsync(_dir, "regular secret");

        Assert.Equal(0, config.Exit);
        Assert.Equal(0, convert.Exit);
    }
}
