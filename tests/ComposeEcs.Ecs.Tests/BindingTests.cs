using System.Reflection;
using System.Text.RegularExpressions;
using ComposeEcs.Compose;
using ComposeEcs.Ecs.Tests.Golden;

namespace ComposeEcs.Ecs.Tests;

/// <summary>
/// The binding step: every <c>x-aws-*</c> extension is read once, by <see cref="AwsBinder"/>, into typed settings that
/// carry its position; nothing else in the transform (nor the CLI and deploy) reads extensions.
/// </summary>
public sealed partial class BindingTests
{
    private static readonly string[] Names =
        [.. typeof(AwsExtensions).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    private static AwsBinding Bind(string yaml)
    {
        var directory = Directory.CreateTempSubdirectory("compose-ecs-binding-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "compose.yaml"), yaml);
            var loaded = ComposeLoader.Load(new LoadOptions { WorkingDirectory = directory, Files = [Path.Combine(directory, "compose.yaml")] });
            Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
            return AwsBinder.Bind(loaded.Value!);
        }
        finally { Directory.Delete(directory, recursive: true); }
    }

    /// <summary>The support table's checks only ask whether a plain-data field is set (present and not empty), which is not reading it.</summary>
    private static readonly HashSet<string> PresenceOnly = ["SupportChecks.cs"];

    [Fact]
    public void Only_the_binder_reads_extensions_and_plain_data_fields_in_src()
    {
        var readers = Directory.EnumerateFiles(Path.Combine(CaseFolder.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => !p.Contains($"src{Path.DirectorySeparatorChar}ComposeEcs.Compose{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => !p.Contains($"ComposeEcs.Ecs{Path.DirectorySeparatorChar}Binding{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => !PresenceOnly.Contains(Path.GetFileName(p)))
            .SelectMany(p => ExtensionRead().Matches(File.ReadAllText(p)).Select(m => $"{Path.GetRelativePath(CaseFolder.RepositoryRoot, p)}: {m.Value}"))
            .ToList();
        Assert.Empty(readers);
    }

    [Fact]
    public void Every_extension_the_binder_reads_is_in_the_readme_table_and_nothing_else_is()
    {
        var readme = File.ReadAllText(Path.Combine(CaseFolder.RepositoryRoot, "README.md"));
        var documented = readme.Split('\n').Where(l => l.StartsWith("| `x-aws-", StringComparison.Ordinal))
            .SelectMany(l => Backticked().Matches(l.Split('|')[1]).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.Equal(Names.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_extension_has_a_golden_case_refusing_a_bad_value_at_its_line()
    {
        var errors = CaseFolder.All("convert").Select(c => c.ReadExpected("diagnostics.txt") ?? "")
            .SelectMany(d => d.Split('\n')).Where(l => PositionedError().IsMatch(l)).ToList();
        var unrefused = Names.Where(name => !errors.Any(l => Regex.IsMatch(l, $@"\b{Regex.Escape(name)}(:|\b)"))).ToList();
        Assert.Empty(unrefused);
    }

    [Fact]
    public void Bound_values_are_typed_and_keep_the_position_of_their_field()
    {
        var binding = Bind("""
            x-aws-vpc: vpc-0a1b2c3d
            x-aws-subnets: [subnet-1, subnet-2]
            x-aws-logs_retention: 14
            x-aws-loadbalancer: arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef
            services:
              web:
                image: nginx:1.27
                x-aws-min_percent: 50
                x-aws-healthcheck:
                  path: /health
                  interval: 30
                ports:
                  - target: 443
                    published: "443"
                    x-aws-protocol: HTTPS
                    x-aws-certificate: arn:aws:acm:eu-west-1:123456789012:certificate/abc
                    x-aws-redirect: "80"
                deploy:
                  x-aws-autoscaling: {min: 1, max: 4, cpu: 70}
            """);

        Assert.Empty(binding.Diagnostics);
        var aws = binding.Settings;
        Assert.Equal(("vpc-0a1b2c3d", 1, 1), (aws.Vpc!.Value, aws.Vpc.At!.Line, aws.Vpc.At.Column));
        Assert.Equal(["subnet-1", "subnet-2"], aws.Subnets!.Value.ToArray());
        Assert.Equal((14, 3), (aws.LogRetentionDays!.Value, aws.LogRetentionDays.At!.Line));
        Assert.Equal("application", aws.LoadBalancer!.Value.Type);
        var web = aws.Services["web"];
        Assert.Equal(50, web.MinPercent);
        Assert.Equal(("/health", 30, 5), (web.TargetHealth.Path, web.TargetHealth.Interval, web.TargetHealth.Timeout));
        Assert.Equal(new AutoscalingSettings(1, 4, "cpu", 70), web.Autoscaling);
        var port = Assert.Single(web.Ports);
        Assert.Equal(("https", 15), (port.Protocol!.Value, port.Protocol.At!.Line));
        Assert.Equal((80, 17), (port.RedirectFrom!.Value, port.RedirectFrom.At!.Line));
        Assert.Equal("arn:aws:acm:eu-west-1:123456789012:certificate/abc", port.Certificate);
    }

    [Fact]
    public void A_refused_value_is_absent_from_the_settings_and_reported_at_its_own_line()
    {
        var binding = Bind("""
            services:
              web:
                image: nginx:1.27
                ports:
                  - target: 80
                    published: "80"
                    x-aws-protocol: http2
                x-aws-max_percent: 300
            """);

        Assert.Equal([(7, "CE2030"), (8, "CE2042")], binding.Diagnostics.Select(d => (d.Location!.Line, d.Code)).Order());
        var web = binding.Settings.Services["web"];
        Assert.Null(web.MaxPercent);
        Assert.Null(Assert.Single(web.Ports).Protocol);
    }

    /// <summary>A read of an <c>x-*</c> or plain-data value (<c>x.Extensions.Get(...)</c>, <c>Extensions.At</c>, <c>service.Other.Get</c>...); whether a plain-data field is present (<c>Other.Has</c>) is not a read.</summary>
    [GeneratedRegex(@"\bExtensions\??\.(Get|GetString|GetList|GetMap|Has|At|Values|Locations)\b|\bOther\??\.(Get|GetString|GetList|GetMap|At|Values|Locations)\b|\bExtensionValues\.")]
    private static partial Regex ExtensionRead();

    [GeneratedRegex(@"`(x-aws-[a-z_-]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^[^:]+:\d+:\d+: error CE\d{4}: ")]
    private static partial Regex PositionedError();
}
