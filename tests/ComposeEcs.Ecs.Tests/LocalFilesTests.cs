using System.Text;

namespace ComposeEcs.Ecs.Tests;

/// <summary>The snapshot of local sources: bounded reads, kinds, and what is never read.</summary>
public sealed class LocalFilesTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("compose-ecs-local-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private ComposeProject ProjectMounting(params (string Written, string Absolute)[] sources) =>
        Project(Service("app") with
        {
            Volumes = [.. sources.Select((s, i) => new ServiceVolume("bind", $"/mnt/{i}") { Source = s.Absolute, WrittenSource = s.Written })],
        }) with { WorkingDirectory = root };

    private string Write(string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void A_small_file_and_a_small_directory_are_read_with_their_content()
    {
        var file = Write("nginx.conf", "events {}\n");
        Write("conf/a.yml", "a: 1\n");
        Write("conf/sub/b.yml", "b: 2\n");
        var files = LocalFiles.Read(ProjectMounting(("./nginx.conf", file), ("./conf", Path.Combine(root, "conf"))), _ => null);

        Assert.Equal("events {}\n", Encoding.UTF8.GetString(Assert.Single(files[file].Files).Content.AsSpan()));
        var directory = files[Path.Combine(root, "conf")];
        Assert.Equal(LocalKind.Directory, directory.Kind);
        Assert.Equal(["a.yml", "sub/b.yml"], directory.Files.Select(f => f.Path));
        Assert.Equal(["sub"], directory.Directories.ToArray());
    }

    [Fact]
    public void A_directory_over_one_hundred_files_is_over_the_limit_without_its_content()
    {
        for (var i = 0; i <= FileDelivery.MaxFiles; i++) Write($"site/page{i}.html", "<p>x</p>");
        var entry = LocalFiles.Read(ProjectMounting(("./site", Path.Combine(root, "site"))), _ => null)[Path.Combine(root, "site")];

        Assert.True(entry.OverLimit);
        Assert.Empty(entry.Files);
    }

    [Fact]
    public void A_file_over_48_kib_is_over_the_limit_and_not_read()
    {
        var big = Write("big.bin", new string('x', FileDelivery.MaxBytes + 1));
        var entry = LocalFiles.Read(ProjectMounting(("./big.bin", big)), _ => null)[big];

        Assert.Equal(LocalKind.File, entry.Kind);
        Assert.True(entry.OverLimit);
        Assert.Empty(entry.Files);
    }

    [Fact]
    public void Host_paths_outside_the_project_and_system_paths_are_never_read()
    {
        var files = LocalFiles.Read(ProjectMounting(("/srv/app/data", "/srv/app/data"), ("/etc/localtime", "/etc/localtime"), ("/var/run/docker.sock", "/var/run/docker.sock")), _ => null);

        Assert.Empty(files.Entries);
    }

    [Fact]
    public void A_missing_source_is_missing_and_config_variables_are_captured()
    {
        var project = ProjectMounting(("./data", Path.Combine(root, "data"))) with
        {
            Configs = Maps.From([KeyValuePair.Create("flags", new Secret("flags") { Name = "flags", Environment = "FLAGS" })]),
        };
        var files = LocalFiles.Read(project, name => name == "FLAGS" ? "{\"beta\":true}" : null);

        Assert.Equal(LocalKind.Missing, files[Path.Combine(root, "data")].Kind);
        Assert.Equal("{\"beta\":true}", files.Variables["FLAGS"]);
    }

    [Fact]
    public void An_executable_script_keeps_its_execute_bit()
    {
        var script = Write("entrypoint.sh", "#!/bin/sh\n");
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.True(Assert.Single(LocalFiles.Read(ProjectMounting(("./entrypoint.sh", script)), _ => null)[script].Files).Executable);
    }
}
