namespace ComposeEcs.Ecs.Tests;

/// <summary>EFS access points owned by the user the service runs as (issue #12), not by root.</summary>
public sealed class VolumeOwnersTests
{
    private static ComposeProject WithData(params Service[] services) =>
        Project(services) with { Volumes = Maps.From([KeyValuePair.Create("data", new Compose.Model.Volume("data") { Name = "demo_data" })]) };

    private static Service Db(string? user, string name = "db") =>
        Service(name, "postgres:16") with { User = user, Volumes = [new ServiceVolume("volume", "/var/lib/postgresql/data") { Source = "data" }] };

    [Theory]
    [InlineData("999", "999", "999")]
    [InlineData("999:998", "999", "998")]
    [InlineData("root", "0", "0")]
    [InlineData(null, "0", "0")]
    public void The_access_point_belongs_to_the_numeric_user_of_the_service(string? user, string uid, string gid)
    {
        var point = Transform.Ok(WithData(Db(user))).Properties("DataAccessPoint");
        Assert.Equal(new MapExpr(("Gid", gid), ("Uid", uid)), point["PosixUser"]);
        Assert.Equal(new Str(uid), point.At("RootDirectory.CreationInfo.OwnerUid"));
        Assert.Equal(new Str(gid), point.At("RootDirectory.CreationInfo.OwnerGid"));
    }

    [Fact]
    public void A_user_name_warns_at_the_user_line_and_says_how_to_set_the_owner()
    {
        var warning = Assert.Single(Transform.Warnings(WithData(Db("postgres"))));
        Assert.StartsWith("service \"db\": user: \"postgres\" is a name compose-ecs cannot turn into a numeric id", warning.Message);
        Assert.Contains("belongs to root (uid 0)", warning.Message);
        Assert.Contains("user: \"999:999\"", warning.Message);
        Assert.Contains("driver_opts uid and gid", warning.Message);
    }

    [Fact]
    public void Services_running_as_different_users_on_one_volume_leave_it_to_root_with_a_warning()
    {
        var project = WithData(Db("999"), Db("1000", "backup"));
        Assert.Contains(Transform.Warnings(project), w => w.Message.StartsWith("volume \"data\": the services mounting it run as different users", StringComparison.Ordinal));
        Assert.Equal(new MapExpr(("Gid", "0"), ("Uid", "0")), Transform.Ok(project).Properties("DataAccessPoint")["PosixUser"]);
    }
}
