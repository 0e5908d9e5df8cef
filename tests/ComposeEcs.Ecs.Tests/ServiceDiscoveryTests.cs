using System.Collections.Immutable;
using ComposeEcs.Compose;

namespace ComposeEcs.Ecs.Tests;

public class ServiceDiscoveryTests
{
    [Fact]
    public void Project_gets_a_private_dns_namespace_named_after_it()
    {
        var ns = Transform.Ok(Project(Service("web"))).Properties("CloudMap");
        Assert.Equal(new Str("demo.local"), ns["Name"]);
        Assert.Equal(Fn.Ref("VpcId"), ns["Vpc"]);
    }

    [Fact]
    public void Each_service_gets_a_discovery_entry_with_multivalue_a_records()
    {
        var template = Transform.Ok(Project(Service("web"), Service("db")));
        var entry = template.Properties("DbServiceDiscoveryEntry");
        Assert.Equal(new Str("db"), entry["Name"]);
        Assert.Equal(Fn.Ref("CloudMap"), entry["NamespaceId"]);
        Assert.Equal(new Str("A"), entry.At("DnsConfig.DnsRecords.0.Type"));
        Assert.Equal(new Str("MULTIVALUE"), entry.At("DnsConfig.RoutingPolicy"));
        Assert.NotNull(entry["HealthCheckCustomConfig"]);
        Assert.Equal(Fn.GetAtt("DbServiceDiscoveryEntry", "Arn"), template.Properties("DbService").At("ServiceRegistries.0.RegistryArn"));
    }

    [Fact]
    public void No_service_uses_service_connect()
    {
        var template = Transform.Ok(Project(Service("web").Publishing(Port(80, 80)), Service("cache", "redis:7") with { Expose = ["6379"] }));
        Assert.All(template.OfType("AWS::ECS::Service"), id => Assert.Null(template.Properties(id)["ServiceConnectConfiguration"]));
    }

    [Fact]
    public void Services_without_depends_on_do_not_wait_for_each_other()
    {
        var template = Transform.Ok(Project(Service("web").Publishing(Port(80, 80)), Service("worker"), Service("db", "postgres:16") with { Expose = ["5432"] }));
        Assert.Equal(["WebTCP80Listener"], template.Resources["WebService"].DependsOn.ToArray());
        Assert.Empty(template.Resources["WorkerService"].DependsOn.ToArray());
        Assert.Empty(template.Resources["DbService"].DependsOn.ToArray());
    }

    [Fact]
    public void Depends_on_a_service_without_ports_is_one_edge_and_no_cycle()
    {
        var web = Service("web").Publishing(Port(80, 80)) with { DependsOn = Maps.From([KeyValuePair.Create("db", new ServiceDependency())]) };
        var template = Transform.Ok(Project(web, Service("db", "postgres:16")));
        Assert.Equal(["DbService", "WebTCP80Listener"], template.Resources["WebService"].DependsOn.ToArray());
        Assert.Empty(template.Resources["DbService"].DependsOn.ToArray());
    }

    [Fact]
    public void Every_task_adds_the_namespace_to_its_search_list_before_the_service_starts()
    {
        var template = Transform.Ok(Project(Service("web"), Service("db", "postgres:16")));
        var containers = template.Properties(LogicalIds.TaskDefinition("web")).At("ContainerDefinitions").Items();
        var init = Assert.IsType<MapExpr>(containers[0]);
        Assert.Equal(new Str(DnsSearch.ContainerName), init["Name"]);
        Assert.Equal(new Bool(false), init["Essential"]);
        Assert.Equal(new Str(SecretsInit.DefaultImage), init["Image"]);
        Assert.Contains("ns='demo.local'", ((Str)init.At("Command.0")!).Value);
        Assert.Equal(new MapExpr(("Condition", "SUCCESS"), ("ContainerName", DnsSearch.ContainerName)), template.Container("web").At("DependsOn.0"));
    }

    [Fact]
    public void The_dns_init_image_can_be_overridden()
    {
        var project = Project(Service("web")).WithExtensions(("x-aws-dns_init_image", "public.ecr.aws/docker/library/busybox:1.36"));
        var init = Transform.Ok(project).Properties(LogicalIds.TaskDefinition("web")).At("ContainerDefinitions.0")!;
        Assert.Equal(new Str("public.ecr.aws/docker/library/busybox:1.36"), init.At("Image"));
    }

    [Fact]
    public void Network_and_links_aliases_are_cname_records_to_the_service()
    {
        var db = Service("db", "postgres:16") with
        {
            Networks = Maps.From([KeyValuePair.Create("default", new ServiceNetwork { Aliases = ["postgres"] })]),
        };
        var web = Service("web") with { Links = ["db:database"] };
        var template = Transform.Ok(Project(web, db));
        var record = template.Properties("DatabaseDnsAlias");
        Assert.Equal(Fn.GetAtt("CloudMap", "HostedZoneId"), record["HostedZoneId"]);
        Assert.Equal(new Str("database.demo.local"), record["Name"]);
        Assert.Equal(new Str("CNAME"), record["Type"]);
        Assert.Equal(new Str("db.demo.local"), record.At("ResourceRecords.0"));
        Assert.Equal(new Str("db.demo.local"), template.Properties("PostgresDnsAlias").At("ResourceRecords.0"));
    }

    [Fact]
    public void An_alias_that_is_another_services_name_is_an_error()
    {
        var db = Service("db") with { Networks = Maps.From([KeyValuePair.Create("default", new ServiceNetwork { Aliases = ["web"] })]) };
        var errors = Transform.Errors(Project(Service("web"), db));
        Assert.Contains(errors, e => e.StartsWith("service \"db\": networks.default.aliases: \"web\" is the name of service \"web\""));
    }

    [Fact]
    public void Two_services_with_one_alias_is_an_error()
    {
        static Service Aliased(string name) => Service(name) with { Networks = Maps.From([KeyValuePair.Create("default", new ServiceNetwork { Aliases = ["api"] })]) };
        Assert.Contains(Transform.Errors(Project(Aliased("a"), Aliased("b"))), e => e.StartsWith("alias \"api\" names services \"a\" and \"b\""));
    }

    [Fact]
    public void A_name_that_is_no_dns_label_is_shortened_with_a_warning()
    {
        var name = new string('a', 64);
        var warnings = Transform.Warnings(Project(Service(name)));
        var dns = ServiceDiscovery.DnsName(name);
        Assert.Equal(63, dns.Length);
        Assert.Contains(warnings, w => w.Message.Contains($"other services reach it as \"{dns}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_project_name_gives_a_namespace_label_of_at_most_63_characters()
    {
        var project = Project(Service("web")) with { Name = new string('p', 250) };
        var name = ((Str)Transform.Ok(project).Properties("CloudMap")["Name"]!).Value;
        Assert.Equal(63 + ".local".Length, name.Length);
    }
}
