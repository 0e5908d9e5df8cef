using ComposeEcs.CloudFormation.Tests;

namespace ComposeEcs.Ecs.Tests;

public class VolumesTests
{
    private static ComposeProject WithVolumes(ComposeProject project, params Compose.Model.Volume[] volumes) =>
        project with { Volumes = Maps.From(volumes.Select(v => KeyValuePair.Create(v.Key, v))) };

    private static Compose.Model.Volume Named(string key, params (string Key, string Value)[] options) =>
        new(key) { Name = $"demo_{key}", DriverOpts = Maps.From(options.Select(o => KeyValuePair.Create(o.Key, o.Value))) };

    private static Service Mounting(Service service, string volume, string target, bool readOnly = false) =>
        service with { Volumes = [.. service.Volumes, new ServiceVolume("volume", target) { Source = volume, ReadOnly = readOnly }] };

    private static Template Ok(ComposeProject project)
    {
        var template = Transform.Ok(project);
        TemplateAssert.Valid(template);
        return template;
    }

    [Fact]
    public void Named_volume_becomes_an_encrypted_retained_efs_file_system()
    {
        var template = Ok(WithVolumes(Project(Mounting(Service("db"), "db-data", "/var/lib/data")), Named("db-data")));
        var fs = template.Resources["DbdataFilesystem"];
        Assert.Equal("AWS::EFS::FileSystem", fs.Type);
        Assert.Equal("Retain", fs.DeletionPolicy);
        Assert.Equal("Retain", fs.UpdateReplacePolicy);
        Assert.Equal(new Bool(true), fs.Properties["Encrypted"]);
        Assert.Equal(new Str("demo_db-data"), fs.Properties.At("FileSystemTags.0.Value"));
    }

    [Fact]
    public void Driver_opts_set_performance_throughput_lifecycle_and_the_access_point_owner()
    {
        var data = Named("data", ("performance-mode", "maxIO"), ("throughput-mode", "provisioned"), ("provisioned-throughput", "256"),
            ("lifecycle-policy", "AFTER_30_DAYS"), ("uid", "1000"), ("gid", "1001"), ("permissions", "0750"));
        var template = Ok(WithVolumes(Project(Mounting(Service("app"), "data", "/data")), data));
        var fs = template.Properties("DataFilesystem");
        Assert.Equal(new Str("maxIO"), fs["PerformanceMode"]);
        Assert.Equal(new Str("provisioned"), fs["ThroughputMode"]);
        Assert.Equal(new Num("256"), fs["ProvisionedThroughputInMibps"]);
        Assert.Equal(new Str("AFTER_30_DAYS"), fs.At("LifecyclePolicies.0.TransitionToIA"));
        var ap = template.Properties("DataAccessPoint");
        Assert.Equal(new MapExpr(("Gid", "1001"), ("Uid", "1000")), ap["PosixUser"]);
        Assert.Equal(new MapExpr(("OwnerGid", "1001"), ("OwnerUid", "1000"), ("Permissions", "0750")), ap.At("RootDirectory.CreationInfo"));
        Assert.Equal(new Str("/data"), ap.At("RootDirectory.Path"));
    }

    [Fact]
    public void Access_point_defaults_to_root_owner_and_0755()
    {
        var ap = Ok(WithVolumes(Project(Mounting(Service("app"), "data", "/data")), Named("data"))).Properties("DataAccessPoint");
        Assert.Equal(new MapExpr(("OwnerGid", "0"), ("OwnerUid", "0"), ("Permissions", "0755")), ap.At("RootDirectory.CreationInfo"));
    }

    [Fact]
    public void Task_mounts_the_file_system_through_its_access_point_with_iam_and_tls()
    {
        var template = Ok(WithVolumes(Project(Mounting(Service("app"), "data", "/srv/data")), Named("data")));
        var volume = template.Properties(LogicalIds.TaskDefinition("app")).At("Volumes.0")!;
        Assert.Equal(new Str("data"), volume.At("Name"));
        Assert.Equal(Fn.Ref("DataFilesystem"), volume.At("EFSVolumeConfiguration.FilesystemId"));
        Assert.Equal(new Str("ENABLED"), volume.At("EFSVolumeConfiguration.TransitEncryption"));
        Assert.Equal(Fn.Ref("DataAccessPoint"), volume.At("EFSVolumeConfiguration.AuthorizationConfig.AccessPointId"));
        Assert.Equal(new Str("ENABLED"), volume.At("EFSVolumeConfiguration.AuthorizationConfig.IAM"));
        Assert.Equal(new MapExpr(("ContainerPath", "/srv/data"), ("SourceVolume", "data")), template.Container("app").At("MountPoints.0"));
    }

    [Fact]
    public void Task_role_may_mount_and_write_unless_every_mount_is_read_only()
    {
        var project = WithVolumes(Project(Mounting(Service("web"), "assets", "/html", readOnly: true), Mounting(Service("builder"), "assets", "/out")), Named("assets"));
        var template = Ok(project);
        Assert.Equal(new ListExpr("elasticfilesystem:ClientMount"), template.Properties("WebTaskRole").At("Policies.0.PolicyDocument.Statement.0.Action"));
        Assert.Equal(new ListExpr("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"),
            template.Properties("BuilderTaskRole").At("Policies.0.PolicyDocument.Statement.0.Action"));
        Assert.Equal(Fn.GetAtt("AssetsFilesystem", "Arn"), template.Properties("WebTaskRole").At("Policies.0.PolicyDocument.Statement.0.Resource.0"));
        Assert.Equal(new Bool(true), template.Container("web").At("MountPoints.0.ReadOnly"));
    }

    [Fact]
    public void Mount_targets_use_the_first_two_subnets_and_services_wait_for_them_there()
    {
        var template = Ok(WithVolumes(Project(Mounting(Service("app"), "data", "/data")), Named("data")));
        Assert.Equal(Fn.Select(0, Fn.Ref(LogicalIds.SubnetsParameter)), template.Properties("DataMountTarget1")["SubnetId"]);
        Assert.Equal(Fn.Select(1, Fn.Ref(LogicalIds.SubnetsParameter)), template.Properties("DataMountTarget2")["SubnetId"]);
        Assert.Equal(2, template.OfType("AWS::EFS::MountTarget").Count());
        var service = template.Resources[LogicalIds.Service("app")];
        Assert.Contains("DataMountTarget1", service.DependsOn);
        Assert.Contains("DataMountTarget2", service.DependsOn);
        Assert.Equal(new ListExpr(Fn.Select(0, Fn.Ref(LogicalIds.SubnetsParameter)), Fn.Select(1, Fn.Ref(LogicalIds.SubnetsParameter))),
            service.Properties.At("NetworkConfiguration.AwsvpcConfiguration.Subnets"));
    }

    [Fact]
    public void With_x_aws_subnets_every_listed_subnet_gets_a_mount_target()
    {
        var project = WithVolumes(Project(Mounting(Service("app"), "data", "/data")), Named("data"))
            .WithExtensions(("x-aws-vpc", "vpc-1"), ("x-aws-subnets", List("subnet-a", "subnet-b", "subnet-c")));
        var template = Ok(project);
        Assert.Equal(new Str("subnet-c"), template.Properties("DataMountTarget3")["SubnetId"]);
    }

    [Fact]
    public void Nfs_is_admitted_from_the_network_groups_of_the_services_that_mount_the_volume()
    {
        var project = WithVolumes(Project(
            Mounting(Service("writer").OnNetworks("ingest"), "spool", "/spool"),
            Mounting(Service("reader").OnNetworks("report"), "spool", "/spool", readOnly: true),
            Service("other").OnNetworks("elsewhere")), Named("spool"));
        var ingress = Ok(project).Properties("SpoolNFSSecurityGroup").At("SecurityGroupIngress").Items();
        Assert.Equal([Fn.Ref("IngestNetwork"), Fn.Ref("ReportNetwork")], ingress.Select(i => i.At("SourceSecurityGroupId")!));
        Assert.All(ingress, i => Assert.Equal(new Num("2049"), i.At("FromPort")));
    }

    [Fact]
    public void External_volume_reuses_the_file_system_with_only_an_access_point()
    {
        var shared = new Compose.Model.Volume("shared") { Name = "fs-0123456789abcdef0", External = true };
        var template = Ok(WithVolumes(Project(Mounting(Service("app"), "shared", "/shared")), shared));
        Assert.Empty(template.OfType("AWS::EFS::FileSystem"));
        Assert.Empty(template.OfType("AWS::EFS::MountTarget"));
        Assert.Equal(new Str("fs-0123456789abcdef0"), template.Properties("SharedAccessPoint")["FileSystemId"]);
        Assert.Equal(new Str("/"), template.Properties("SharedAccessPoint").At("RootDirectory.Path"));
        Assert.Equal(new Str("fs-0123456789abcdef0"), template.Properties(LogicalIds.TaskDefinition("app")).At("Volumes.0.EFSVolumeConfiguration.FilesystemId"));
        Assert.Empty(template.Resources[LogicalIds.Service("app")].DependsOn);
    }

    [Theory]
    [InlineData("throughput-mode", "fast", "throughput-mode")]
    [InlineData("performance-mode", "turbo", "performance-mode")]
    [InlineData("lifecycle-policy", "AFTER_2_DAYS", "lifecycle-policy")]
    [InlineData("uid", "www", "uid")]
    [InlineData("permissions", "rwx", "permissions")]
    public void Invalid_driver_opts_are_errors_naming_the_volume_and_option(string key, string value, string field)
    {
        var error = Assert.Single(Transform.Errors(WithVolumes(Project(Mounting(Service("app"), "data", "/data")), Named("data", (key, value)))));
        Assert.StartsWith("volume \"data\": driver_opts." + field, error);
    }

    [Fact]
    public void Volume_subpath_is_ignored_with_a_warning()
    {
        var app = Service("app") with { Volumes = [new ServiceVolume("volume", "/data") { Source = "data", VolumeSubpath = "sub" }] };
        var warning = Assert.Single(Transform.Warnings(WithVolumes(Project(app), Named("data"))));
        Assert.StartsWith("service \"app\": volumes: data:/data: subpath ignored", warning.Message);
    }

    [Fact]
    public void A_bind_mount_of_a_host_path_becomes_a_persistent_efs_volume()
    {
        var app = Service("app") with { Volumes = [new ServiceVolume("bind", "/data") { Source = "/srv/app/data", WrittenSource = "/srv/app/data" }] };
        var result = ComposeTransform.Convert(Project(app));
        Assert.True(result.Succeeded);
        Assert.Contains("/srv/app/data is a host path: it becomes persistent data on the EFS volume \"srv_app_data\"", Assert.Single(result.Warnings).Message);
        Assert.Contains("SrvappdataFilesystem", result.Value!.Resources.Keys);
    }
}
