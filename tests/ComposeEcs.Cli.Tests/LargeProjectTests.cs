using System.Text;
using ComposeEcs.FakeAws;

namespace ComposeEcs.Cli.Tests;

/// <summary>Projects of any size end to end against the emulator: one template through S3, nested stacks past the quotas.</summary>
public sealed class LargeProjectTests
{
    private static readonly FakeAwsOptions Fast = new() { ResourceDelay = TimeSpan.FromMilliseconds(1), PageSize = 100 };

    /// <summary>n workers sharing one config file (env_file), a database and a queue; every tenth worker publishes a port.</summary>
    internal static string Project(string name, int services, string workerImage = "example/worker:1")
    {
        var yaml = new StringBuilder($"name: {name}\nservices:\n");
        yaml.Append("  db:\n    image: postgres:16\n    expose: [\"5432\"]\n    environment:\n      POSTGRES_PASSWORD: example\n");
        yaml.Append("  queue:\n    image: redis:7\n    expose: [\"6379\"]\n");
        for (var i = 1; i <= services - 2; i++)
        {
            yaml.Append($"  worker{i}:\n    image: {(i == 1 ? workerImage : "example/worker:1")}\n    env_file: shared.env\n");
            yaml.Append($"    command: [\"run\", \"--queue\", \"q{i}\"]\n    depends_on: [db, queue]\n");
            if (i % 10 == 0) yaml.Append($"    ports:\n      - \"{8000 + i}:8080\"\n");
        }
        return yaml.ToString();
    }

    private static async Task<UpTestSupport> StartAsync(string name, int services)
    {
        var t = await UpTestSupport.StartAsync(Fast);
        t.WriteCompose(Project(name, services));
        File.WriteAllText(Path.Combine(t.Directory, "shared.env"), "DATABASE_URL=postgres://db:5432/app\nQUEUE_URL=redis://queue:6379\nLOG_LEVEL=info\n");
        return t;
    }

    [Fact]
    public async Task Sixty_services_deploy_as_one_template_uploaded_to_s3()
    {
        await using var t = await StartAsync("sixty", 60);

        var up = await t.RunAsync("up");

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Single(Assert.Single(t.Server.Buckets).Objects);
        Assert.DoesNotContain(t.Server.Stack("sixty")!.Resources, r => r.Type == "AWS::CloudFormation::Stack");
        var ps = await t.RunAsync("ps");
        Assert.Equal(61, ps.Out.Trim().Split('\n').Length);
        var down = await t.RunAsync("down");
        Assert.True(down.ExitCode == 0, down.ToString());
    }

    [Fact]
    public async Task Three_hundred_services_deploy_as_nested_stacks_and_a_second_up_changes_only_one_child()
    {
        await using var t = await StartAsync("big", 300);

        var up = await t.RunAsync("up");

        Assert.True(up.ExitCode == 0, up.ToString());
        var parent = t.Server.Stack("big")!;
        var children = parent.Resources.Where(r => r.Type == "AWS::CloudFormation::Stack").ToList();
        Assert.True(children.Count >= 2, string.Join(", ", parent.Resources.Select(r => r.LogicalId)));
        Assert.All(t.Server.Stacks.Where(s => s.StackName.StartsWith("big-", StringComparison.Ordinal)), s => Assert.Equal("CREATE_COMPLETE", s.Status));
        Assert.Contains(t.Server.Stacks.First(s => s.StackName.StartsWith("big-Services01Stack-", StringComparison.Ordinal)).Events,
            e => e.ResourceType == "AWS::ECS::Service" && e.ResourceStatus == "CREATE_COMPLETE");
        var ps = await t.RunAsync("ps");
        Assert.Equal(301, ps.Out.Trim().Split('\n').Length);
        var calls = t.Server.Requests.Count;

        t.WriteCompose(Project("big", 300, workerImage: "example/worker:2"));
        var second = await t.RunAsync("up");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("AWS::CloudFormation::Stack", second.Out);
        Assert.Single(second.Out.Split('\n'), l => l.Contains("Modify", StringComparison.Ordinal) && l.Contains("AWS::CloudFormation::Stack", StringComparison.Ordinal));
        var down = await t.RunAsync("down");
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.DoesNotContain(t.Server.Stacks, s => s.StackName.StartsWith("big", StringComparison.Ordinal) && s.Status != "DELETE_COMPLETE");
        _ = calls;
    }

    [Fact]
    public async Task A_failing_service_in_a_child_rolls_the_whole_deployment_back()
    {
        await using var t = await StartAsync("roll", 300);
        t.Server.FailResource("Worker250Service", "CannotPullContainerError");

        var up = await t.RunAsync("up");

        Assert.True(up.ExitCode == 1, up.ToString());
        Assert.Equal("ROLLBACK_COMPLETE", t.Server.Stacks.First(s => s.StackName == "roll").Status);
        Assert.DoesNotContain(t.Server.Stacks, s => s.StackName.StartsWith("roll-", StringComparison.Ordinal) && s.Status != "DELETE_COMPLETE" && s.Status != "ROLLBACK_COMPLETE");
    }
}

/// <summary>A 57-service application shaped like a popular self-hosted error tracker: databases, queues, many workers sharing one config.</summary>
public sealed class RealShapedProjectTests
{
    internal static string Tracker(string workerImage = "getsentry/sentry:24.1.0")
    {
        var yaml = new StringBuilder("""
            name: tracker
            x-restart: &restart
              restart: unless-stopped
            x-sentry: &sentry
              <<: *restart
              image: getsentry/sentry:24.1.0
              env_file: [sentry.env]
              environment:
                SENTRY_CONF: /etc/sentry
                SNUBA: http://snuba-api:1218
              depends_on: [redis, kafka, postgres, memcached, smtp, snuba-api, symbolicator]
              volumes:
                - sentry-data:/data
            x-snuba: &snuba
              <<: *restart
              image: getsentry/snuba:24.1.0
              env_file: [snuba.env]
              depends_on: [clickhouse, kafka, redis]
            services:
              smtp: {<<: *restart, image: tianon/exim4, expose: ["25"]}
              memcached: {<<: *restart, image: "memcached:1.6.21-alpine", expose: ["11211"]}
              redis:
                <<: *restart
                image: redis:6.2.14-alpine
                expose: ["6379"]
                volumes: [redis-data:/data]
                healthcheck: {test: ["CMD", "redis-cli", "ping"], interval: 5s}
              postgres:
                <<: *restart
                image: postgres:14.11
                expose: ["5432"]
                environment: {POSTGRES_HOST_AUTH_METHOD: trust}
                volumes: [postgres-data:/var/lib/postgresql/data]
              zookeeper: {<<: *restart, image: "confluentinc/cp-zookeeper:7.5.0", expose: ["2181"], volumes: [zookeeper-data:/var/lib/zookeeper/data]}
              kafka:
                <<: *restart
                image: confluentinc/cp-kafka:7.5.0
                expose: ["9092"]
                depends_on: [zookeeper]
                environment: {KAFKA_ZOOKEEPER_CONNECT: "zookeeper:2181", KAFKA_ADVERTISED_LISTENERS: "PLAINTEXT://kafka:9092"}
                volumes: [kafka-data:/var/lib/kafka/data]
              clickhouse: {<<: *restart, image: "clickhouse/clickhouse-server:23.8", expose: ["8123", "9000"], volumes: [clickhouse-data:/var/lib/clickhouse]}
              symbolicator: {<<: *restart, image: "getsentry/symbolicator:24.1.0", command: run -c /etc/symbolicator/config.yml, expose: ["3021"], volumes: [symbolicator-data:/data]}
              snuba-api: {<<: *snuba, expose: ["1218"]}
              relay: {<<: *restart, image: "getsentry/relay:24.1.0", expose: ["3000"], depends_on: [kafka, redis, web]}
              nginx: {<<: *restart, image: "nginx:1.25.3-alpine", ports: ["9000:80"], depends_on: [web, relay]}
              web: {<<: *sentry, command: run web, expose: ["9000"]}

            """);
        string[] snuba =
        [
            "errors-consumer", "outcomes-consumer", "outcomes-billing-consumer", "group-attributes-consumer", "transactions-consumer",
            "replays-consumer", "issue-occurrence-consumer", "metrics-consumer", "generic-metrics-distributions-consumer",
            "generic-metrics-sets-consumer", "generic-metrics-counters-consumer", "replacer", "subscription-consumer-events",
            "subscription-consumer-transactions", "subscription-consumer-metrics", "profiling-profiles-consumer",
            "profiling-functions-consumer", "spans-consumer",
        ];
        foreach (var name in snuba) yaml.Append($"  snuba-{name}: {{<<: *snuba, command: \"rust-consumer --storage {name}\"}}\n");
        string[] sentry =
        [
            "cron", "worker", "events-consumer", "attachments-consumer", "transactions-consumer", "metrics-consumer",
            "generic-metrics-consumer", "billing-metrics-consumer", "ingest-replay-recordings", "ingest-occurrences", "ingest-profiles",
            "ingest-monitors", "monitors-clock-tick", "monitors-clock-tasks", "post-process-forwarder-errors",
            "post-process-forwarder-transactions", "post-process-forwarder-issue-platform", "subscription-consumer-events",
            "subscription-consumer-transactions", "subscription-consumer-metrics", "subscription-consumer-generic-metrics",
            "sentry-cleanup", "vroom", "vroom-cleanup", "ingest-feedback-events", "process-spans", "ingest-generic-metrics",
        ];
        foreach (var name in sentry)
            yaml.Append(name == "worker"
                ? $"  worker: {{<<: *sentry, image: \"{workerImage}\", command: run worker}}\n"
                : $"  {name}: {{<<: *sentry, command: \"run consumer {name}\"}}\n");
        yaml.Append("volumes:\n");
        foreach (var volume in new[] { "sentry-data", "redis-data", "postgres-data", "zookeeper-data", "kafka-data", "clickhouse-data", "symbolicator-data" })
            yaml.Append($"  {volume}: {{}}\n");
        return yaml.ToString();
    }

    [Fact]
    public async Task A_57_service_tracker_deploys_updates_one_service_lists_and_goes_away()
    {
        await using var t = await UpTestSupport.StartAsync(new FakeAwsOptions { ResourceDelay = TimeSpan.FromMilliseconds(1), PageSize = 100 });
        t.WriteCompose(Tracker());
        File.WriteAllText(Path.Combine(t.Directory, "sentry.env"), "SENTRY_EVENT_RETENTION_DAYS=90\nSENTRY_MAIL_HOST=smtp\n");
        File.WriteAllText(Path.Combine(t.Directory, "snuba.env"), "CLICKHOUSE_HOST=clickhouse\nDEFAULT_BROKERS=kafka:9092\nREDIS_HOST=redis\n");

        var config = await t.RunAsync("config", "--services");
        Assert.Equal(57, config.Out.Trim().Split('\n').Length);
        var up = await t.RunAsync("up");
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains("Endpoints:", up.Out);

        t.WriteCompose(Tracker(workerImage: "getsentry/sentry:24.2.0"));
        var second = await t.RunAsync("up");

        Assert.True(second.ExitCode == 0, second.ToString());
        var changed = second.Out.Split('\n').Where(l => l.TrimStart().StartsWith("Modify", StringComparison.Ordinal) || l.TrimStart().StartsWith("Add", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, l => Assert.True(l.Contains("Worker", StringComparison.Ordinal) || l.Contains("AWS::CloudFormation::Stack", StringComparison.Ordinal), l));
        Assert.True(changed.Count(l => l.Contains("AWS::CloudFormation::Stack", StringComparison.Ordinal)) <= 1);
        var ps = await t.RunAsync("ps");
        Assert.Equal(58, ps.Out.Trim().Split('\n').Length);
        var down = await t.RunAsync("down");
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Contains("Kept EFS file systems", down.Out);
    }
}
