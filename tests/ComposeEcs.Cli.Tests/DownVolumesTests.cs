using ComposeEcs.Aws.Credentials;

namespace ComposeEcs.Cli.Tests;

/// <summary><c>down -v</c> deletes the project's EFS file systems only after a yes on a terminal or with --yes, naming each.</summary>
public sealed class DownVolumesTests
{
    private const string WithVolume = """
        name: notes
        services:
          db:
            image: postgres:16
            volumes:
              - dbdata:/var/lib/postgresql/data
        volumes:
          dbdata: {}
        """;

    private static async Task<CliRun> RunWithInputAsync(UpTestSupport t, string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, t.Environment(), t.Directory)
        {
            AwsSdkFallback = new NoSdkFallback(),
            In = new StringReader(input),
            IsInputTerminal = true,
        };
        var exit = await CliApp.RunAsync(args, context);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Down_v_yes_deletes_the_kept_file_systems_and_names_them()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(WithVolume);
        Assert.Equal(0, (await t.RunAsync("up")).ExitCode);

        var run = await t.RunAsync("down", "-v", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"Volumes to delete, with all their data: fs-[0-9a-f]+ \(DbdataFilesystem\)\n", run.Out);
        Assert.True(run.Out.Contains("Deleted EFS file system fs-"), run.ToString());
        Assert.DoesNotContain("aws efs delete-file-system", run.Out);
        Assert.Contains(t.Server.Requests, r => r.Service == "elasticfilesystem" && r.Action == "DeleteFileSystem");
    }

    [Fact]
    public async Task Down_v_without_a_terminal_or_yes_refuses_before_deleting_anything()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(WithVolume);
        await t.RunAsync("up");

        var run = await t.RunAsync("down", "-v");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error CE3040: down -v deletes the volumes' data and there is no terminal to ask on: add --yes to confirm\n", run.Error);
        Assert.Equal("CREATE_COMPLETE", t.Server.Stack("notes")!.Status);
    }

    [Fact]
    public async Task Down_v_on_a_terminal_asks_and_a_no_keeps_the_file_systems()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(WithVolume);
        await t.RunAsync("up");

        var run = await RunWithInputAsync(t, "n\n", "down", "-v");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Delete 1 EFS file system and all their data? [y/N] Nothing deleted.\n", run.Out);
        Assert.Matches(@"aws efs delete-file-system --file-system-id fs-[0-9a-f]+ +# DbdataFilesystem", run.Out);
        Assert.DoesNotContain(t.Server.Requests, r => r.Action == "DeleteFileSystem");
    }

    [Fact]
    public async Task Down_v_on_a_terminal_deletes_after_a_yes()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(WithVolume);
        await t.RunAsync("up");

        var run = await RunWithInputAsync(t, "y\n", "down", "-v");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"\? \[y/N\] Deleted EFS file system fs-[0-9a-f]+ \(DbdataFilesystem\)\n", run.Out);
    }
}
