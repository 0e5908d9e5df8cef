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
    public void Exposed_port_becomes_a_service_connect_endpoint_under_the_service_name()
    {
        var template = Transform.Ok(Project(Service("cache", "redis:7") with { Expose = ["6379"] }));
        var connect = template.Properties("CacheService")["ServiceConnectConfiguration"]!;
        Assert.Equal(new Bool(true), connect.At("Enabled"));
        Assert.Equal(Fn.GetAtt("CloudMap", "Arn"), connect.At("Namespace"));
        Assert.Equal(new Str("cache-6379"), connect.At("Services.0.PortName"));
        Assert.Equal(new MapExpr(("DnsName", "cache"), ("Port", 6379)), connect.At("Services.0.ClientAliases.0"));
        Assert.Equal(new Str("cache-6379"), template.Container("cache").At("PortMappings.0.Name"));
    }

    [Fact]
    public void Published_and_exposed_ports_are_all_service_connect_endpoints()
    {
        var web = Service("web").Publishing(Port(80, 3000)) with { Expose = ["9090"] };
        var services = Transform.Ok(Project(web)).Properties("WebService").At("ServiceConnectConfiguration.Services").Items();
        Assert.Equal([new Str("web-3000"), new Str("web-9090")], services.Select(s => s.At("PortName")!).ToArray());
    }

    [Fact]
    public void Service_without_ports_is_a_service_connect_client_only()
    {
        var connect = Transform.Ok(Project(Service("worker"))).Properties("WorkerService")["ServiceConnectConfiguration"]!;
        Assert.Equal(new Bool(true), connect.At("Enabled"));
        Assert.Null(connect.At("Services"));
    }

    [Fact]
    public void Udp_ports_are_not_service_connect_endpoints()
    {
        var connect = Transform.Ok(Project(Service("dns") with { Expose = ["53/udp"] })).Properties("DnsService")["ServiceConnectConfiguration"]!;
        Assert.Null(connect.At("Services"));
    }
}
