using ComposeEcs.CloudFormation;

namespace ComposeEcs.Ecs.Tests;

/// <summary>The file systems a stack keeps are declared by its outputs, for down and down -v to read back.</summary>
public sealed class KeptFileSystemsTests
{
    [Fact]
    public void Each_retained_file_system_is_an_output_naming_its_volume_and_reads_back_with_its_id()
    {
        var db = Service("db") with { Volumes = [new ServiceVolume("volume", "/var/lib/data") { Source = "db-data" }] };
        var project = Project(db) with { Volumes = Maps.From([KeyValuePair.Create("db-data", new Compose.Model.Volume("db-data") { Name = "demo_db-data" })]) };
        var template = Transform.Ok(project);

        Assert.Equal("Retain", template.Resources["DbdataFilesystem"].DeletionPolicy);
        Assert.Equal(Fn.Ref("DbdataFilesystem"), template.Outputs["DbdataFilesystemKept"].Value);
        // As CloudFormation reports it once deployed: the Ref resolved to the file system id.
        var outputs = template.Outputs.Select(o => (o.Key, Value: o.Key == "DbdataFilesystemKept" ? "fs-0123456789abcdef0" : "", o.Value.Description));
        Assert.Equal([new KeptFileSystem("db-data", "DbdataFilesystem", "fs-0123456789abcdef0")], KeptFileSystems.Read(outputs));
    }

    [Fact]
    public void An_external_volume_is_not_the_stack_s_to_keep()
    {
        var db = Service("db") with { Volumes = [new ServiceVolume("volume", "/data") { Source = "shared" }] };
        var project = Project(db) with { Volumes = Maps.From([KeyValuePair.Create("shared", new Compose.Model.Volume("shared") { Name = "fs-0123456789abcdef0", External = true })]) };

        Assert.DoesNotContain(Transform.Ok(project).Outputs.Keys, k => k.EndsWith("Kept", StringComparison.Ordinal));
    }
}
