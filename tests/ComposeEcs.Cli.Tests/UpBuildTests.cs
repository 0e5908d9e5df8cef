using System.Text.RegularExpressions;

namespace ComposeEcs.Cli.Tests;

/// <summary><c>up</c> with <c>build:</c> services: the fake docker first on PATH, ECR in the emulator.</summary>
public sealed partial class UpBuildTests
{
    private const string TwoServices = """
        name: demo
        services:
          api:
            build: ./api
          web:
            build:
              context: ./web
              dockerfile: Dockerfile.prod
              target: runtime
              args:
                VERSION: "1.2"
            platform: linux/arm64
            ports:
              - "80:80"
        """;

    private const string Registry = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

    [GeneratedRegex(@"^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com/demo/(api|web)@sha256:[0-9a-f]{64}$")]
    private static partial Regex ImageByDigest();

    private static async Task<(UpTestSupport Aws, FakeDocker Docker)> StartAsync(string compose = TwoServices, FakeAws.FakeAwsOptions? options = null)
    {
        var t = await UpTestSupport.StartAsync(options);
        t.WriteCompose(compose);
        foreach (var service in new[] { "api", "web" })
        {
            Directory.CreateDirectory(Path.Combine(t.Directory, service));
            File.WriteAllText(Path.Combine(t.Directory, service, "Dockerfile"), "FROM alpine:3.20\n");
            File.WriteAllText(Path.Combine(t.Directory, service, "Dockerfile.prod"), "FROM alpine:3.20 AS runtime\n");
            File.WriteAllText(Path.Combine(t.Directory, service, "app.txt"), $"{service} v1\n");
        }
        return (t, new FakeDocker());
    }

    private static Task<CliRun> Up(UpTestSupport t, FakeDocker docker, params string[] args) =>
        UpTestSupport.RunInAsync(t.Directory, docker.Environment(t.Environment()), CancellationToken.None, ["up", .. args]);

    [Fact]
    public async Task A_vpc_where_names_cannot_resolve_is_refused_before_anything_is_built()
    {
        var (t, docker) = await StartAsync("x-aws-vpc: vpc-0nodns\nx-aws-subnets: [subnet-0a, subnet-0b]\n" + TwoServices,
            new FakeAws.FakeAwsOptions { OtherVpcs = [new("vpc-0nodns", EnableDnsSupport: false, EnableDnsHostnames: false)] });
        await using var _ = t;
        using var __ = docker;

        var run = await Up(t, docker);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("VPC vpc-0nodns has enableDnsSupport and enableDnsHostnames turned off", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Empty(docker.CallsOf("build"));
        Assert.Empty(t.Server.Repositories);
        Assert.Null(t.Server.Stack("demo"));
    }

    [Fact]
    public async Task Up_builds_pushes_to_a_new_ecr_repository_per_service_and_deploys_by_digest()
    {
        var (t, docker) = await StartAsync();
        await using var _ = t;
        using var __ = docker;

        var run = await Up(t, docker);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["demo/api", "demo/web"], t.Server.Repositories.Select(r => r.Name));
        Assert.All(t.Server.Repositories, r =>
        {
            Assert.Contains(new KeyValuePair<string, string>("com.docker.compose.project", "demo"), r.Tags);
            Assert.True(r.ScanOnPush);
            Assert.Contains("\"countNumber\":10", r.LifecyclePolicy);
        });

        var login = Assert.Single(docker.CallsOf("login"));
        Assert.Equal(["login", "--username", "AWS", "--password-stdin", Registry], login);
        var password = Assert.Single(t.Server.EcrPasswords);
        Assert.Equal([password], docker.Stdin);
        Assert.DoesNotContain(docker.Calls, call => call.Any(a => a.Contains(password, StringComparison.Ordinal)));
        Assert.DoesNotContain(password, run.Out + run.Error);

        var builds = docker.CallsOf("build");
        Assert.Equal(2, builds.Count);
        Assert.All(builds, b => Assert.Equal(["buildx", "build", "--platform"], b[..3]));
        Assert.Equal("linux/amd64", builds[0][3]);
        Assert.Equal(Path.Combine(t.Directory, "api"), builds[0][^1]);
        Assert.Equal("linux/arm64", builds[1][3]);
        Assert.Contains("--load", builds[1]);
        Assert.Equal(Path.Combine(t.Directory, "web", "Dockerfile.prod"), builds[1][Array.IndexOf(builds[1], "--file") + 1]);
        Assert.Equal("runtime", builds[1][Array.IndexOf(builds[1], "--target") + 1]);
        Assert.Equal("VERSION=1.2", builds[1][Array.IndexOf(builds[1], "--build-arg") + 1]);

        Assert.Equal(2, docker.Pushes.Count);
        var stack = t.Server.Stack("demo")!;
        Assert.Matches(ImageByDigest(), stack.Parameters["ApiImage"]);
        Assert.Matches(ImageByDigest(), stack.Parameters["WebImage"]);
        Assert.Equal($"{Registry}/demo/api@{docker.Pushes.Single(p => p.Reference.Contains("/demo/api:")).Digest}", stack.Parameters["ApiImage"]);
        Assert.Contains("Pushed api:", run.Out);
        Assert.Contains("Stack demo: CREATE_COMPLETE", run.Out);
    }

    [Fact]
    public async Task A_second_up_with_unchanged_sources_pushes_nothing_and_is_up_to_date()
    {
        var (t, docker) = await StartAsync();
        await using var _ = t;
        using var __ = docker;
        Assert.Equal(0, (await Up(t, docker)).ExitCode);
        docker.PublishTo(t.Server);
        var deployed = t.Server.Stack("demo")!.Parameters["ApiImage"];

        var run = await Up(t, docker);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, docker.Pushes.Count);
        Assert.Contains("Image of api unchanged", run.Out);
        Assert.Contains("Stack demo is up to date: nothing to deploy", run.Out);
        Assert.Equal(deployed, t.Server.Stack("demo")!.Parameters["ApiImage"]);
        Assert.Single(t.Server.Requests, r => r.Action == "ExecuteChangeSet");
    }

    [Fact]
    public async Task A_changed_source_pushes_that_service_only_and_updates_its_task()
    {
        var (t, docker) = await StartAsync();
        await using var _ = t;
        using var __ = docker;
        Assert.Equal(0, (await Up(t, docker)).ExitCode);
        docker.PublishTo(t.Server);
        File.WriteAllText(Path.Combine(t.Directory, "api", "app.txt"), "api v2\n");

        var run = await Up(t, docker);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, docker.Pushes.Count);
        Assert.Contains("/demo/api:", docker.Pushes[^1].Reference);
        Assert.Matches(@"Modify\s+ApiTaskDefinition", run.Out);
        Assert.DoesNotMatch(@"Modify\s+WebTaskDefinition", run.Out);
    }

    [Fact]
    public async Task Up_no_build_deploys_the_last_pushed_image_without_docker()
    {
        var (t, docker) = await StartAsync();
        await using var _ = t;
        using var __ = docker;
        Assert.Equal(0, (await Up(t, docker)).ExitCode);
        docker.PublishTo(t.Server);
        var calls = docker.Calls.Count;
        var environment = t.Environment();
        environment["PATH"] = "/nonexistent";

        var run = await UpTestSupport.RunInAsync(t.Directory, environment, CancellationToken.None, "up", "--no-build");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(calls, docker.Calls.Count);
        Assert.Contains("Using the last image pushed for api", run.Out);
        Assert.Contains("up to date", run.Out);
    }

    [Fact]
    public async Task Up_no_build_before_any_push_is_one_line_and_exit_2()
    {
        var (t, docker) = await StartAsync();
        await using var _ = t;
        using var __ = docker;

        var run = await Up(t, docker, "--no-build");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error CE3021: service \"api\": no image was pushed to the ECR repository demo/api yet; run 'compose-ecs up' without --no-build",
            run.Error.Trim());
        Assert.Null(t.Server.Stack("demo"));
    }

    [Fact]
    public async Task Up_build_rebuilds_ignoring_the_cache()
    {
        var (t, docker) = await StartAsync();
        await using var _ = t;
        using var __ = docker;

        var run = await Up(t, docker, "--build");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(docker.CallsOf("build"), b => Assert.Contains("--no-cache", b));
    }

    [Fact]
    public async Task Build_and_no_build_together_are_a_usage_error()
    {
        var (t, docker) = await StartAsync();
        await using var _ = t;
        using var __ = docker;

        var run = await Up(t, docker, "--build", "--no-build");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--build and --no-build cannot be used together", run.Error);
    }

    [Fact]
    public async Task Without_buildx_up_uses_docker_build()
    {
        var (t, docker) = await StartAsync();
        await using var _ = t;
        using var __ = docker;
        docker.WithoutBuildx();

        var run = await Up(t, docker);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(docker.CallsOf("build"), b => Assert.Equal(["build", "--platform"], b[..2]));
        Assert.DoesNotContain(docker.CallsOf("build"), b => b.Contains("--load"));
    }

    [Fact]
    public async Task Dry_run_builds_nothing_and_says_what_it_would_build()
    {
        var (t, docker) = await StartAsync();
        await using var _ = t;
        using var __ = docker;

        var run = await Up(t, docker, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Would build api from ./api for linux/amd64 and push it to the ECR repository demo/api", run.Out);
        Assert.Contains("Would build web from ./web for linux/arm64", run.Out);
        Assert.Empty(docker.Calls);
        Assert.Empty(t.Server.Repositories);
    }

    [Fact]
    public async Task Without_docker_up_names_the_services_to_build_and_exits_2()
    {
        var (t, docker) = await StartAsync();
        await using var _ = t;
        using var __ = docker;
        var environment = t.Environment();
        environment["PATH"] = "/nonexistent";

        var run = await UpTestSupport.RunInAsync(t.Directory, environment, CancellationToken.None, "up");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error CE3020: services api, web need a build, but docker is not on PATH: install Docker (with buildx), " +
            "or deploy the images pushed last with 'compose-ecs up --no-build'", run.Error.Trim());
        Assert.Empty(t.Server.Requests);
    }

    [Fact]
    public async Task A_failed_build_is_one_line_and_exit_1_with_nothing_deployed()
    {
        var (t, docker) = await StartAsync(TwoServices.Replace("build: ./api", "build: ./missing"));
        await using var _ = t;
        using var __ = docker;

        var run = await Up(t, docker);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error CE3021: docker build of service \"api\" failed: ERROR: unable to prepare context", run.Error);
        Assert.Null(t.Server.Stack("demo"));
    }

    [Fact]
    public async Task Down_keeps_the_repositories_and_down_rmi_all_deletes_them()
    {
        var (t, docker) = await StartAsync();
        await using var _ = t;
        using var __ = docker;
        Assert.Equal(0, (await Up(t, docker)).ExitCode);
        docker.PublishTo(t.Server);

        var down = await t.RunAsync("down");
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Contains("Kept the ECR repositories of demo/api, demo/web; 'compose-ecs down --rmi all' deletes them", down.Out);
        Assert.Equal(2, t.Server.Repositories.Count);

        var rmi = await t.RunAsync("down", "--rmi", "all");
        Assert.True(rmi.ExitCode == 0, rmi.ToString());
        Assert.Contains("Deleted ECR repository demo/api", rmi.Out);
        Assert.Contains("Deleted ECR repository demo/web", rmi.Out);
        Assert.Empty(t.Server.Repositories);
    }
}

public sealed class UpExternalVolumeTests
{
    private const string App = """
        name: shop
        services:
          app:
            image: nginx:1.27
            volumes:
              - uploads:/srv/uploads
        volumes:
          uploads:
            external: true
            name: shop-uploads
        """;

    [Fact]
    public async Task An_external_volume_name_resolves_to_the_file_system_with_that_name_tag()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(App);
        t.Server.AddFileSystem("fs-0aaaabbbbccccdddd", "shop-uploads");
        t.Server.AddFileSystem("fs-0eeeeffff00001111", "other");

        var run = await t.RunAsync("up");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("fs-0aaaabbbbccccdddd", t.Server.Stack("shop")!.Parameters["UploadsFilesystemId"]);
    }

    [Fact]
    public async Task No_file_system_with_that_name_is_one_line_and_exit_2()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(App);

        var run = await t.RunAsync("up");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error CE3010: volume \"uploads\": no EFS file system in us-east-1 has the Name tag \"shop-uploads\"; " +
            "create it (aws efs create-file-system --tags Key=Name,Value=shop-uploads) or set name to a file system id (fs-...)", run.Error.Trim());
        Assert.Null(t.Server.Stack("shop"));
    }

    [Fact]
    public async Task Several_file_systems_with_that_name_are_one_line_and_exit_2()
    {
        await using var t = await UpTestSupport.StartAsync();
        t.WriteCompose(App);
        t.Server.AddFileSystem("fs-0aaaabbbbccccdddd", "shop-uploads");
        t.Server.AddFileSystem("fs-0bbbbccccddddeeee", "shop-uploads");

        var run = await t.RunAsync("up");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error CE3010: volume \"uploads\": 2 EFS file systems in us-east-1 have the Name tag \"shop-uploads\" " +
            "(fs-0aaaabbbbccccdddd, fs-0bbbbccccddddeeee); set name to the id of the one to use", run.Error.Trim());
    }
}
