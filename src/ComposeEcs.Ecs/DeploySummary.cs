using System.Globalization;
using ComposeEcs.CloudFormation;

namespace ComposeEcs.Ecs;

/// <summary>
/// What <c>up</c> is about to give the user, in a few lines printed before the change set: each service's size and
/// task count, and what is public (its addresses as the endpoint outputs give them); the load balancer; the file
/// systems. Read from the template itself, so it says what will be deployed, not a second guess of it.
/// </summary>
public static class DeploySummary
{
    /// <summary>Stands for the load balancer's DNS name, which exists only once it is created.</summary>
    public const string LoadBalancerName = "<load balancer>";

    public static IReadOnlyList<string> Lines(string project, Template template)
    {
        var endpoints = Endpoints.Read(template.Outputs.Select(o => (o.Key, Text(o.Value.Value) ?? "", o.Value.Description)), LoadBalancerName);
        var services = template.Resources.Values.Where(r => r.Type == "AWS::ECS::Service")
            .Select(r => (Name: Tag(r.Properties, ComposeTags.Service) ?? "?", Service: r))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var lines = new List<string> { $"Project {project}:" };
        if (services.Count == 0) return lines;
        var reach = template.Resources.TryGetValue(LogicalIds.LoadBalancer, out var balancer) && Text(balancer.Properties["Scheme"]) == "internal"
            ? "inside the VPC: " : "public: ";
        var rows = new List<(string Name, string Size, string Reach)>();
        foreach (var (name, service) in services)
        {
            var task = Text(service.Properties["TaskDefinition"]) is { } id && template.Resources.TryGetValue(id, out var definition) ? definition.Properties : null;
            var count = int.TryParse(Text(service.Properties["DesiredCount"]), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
            var size = $"{Cpu(Text(task?["Cpu"]))}, {Memory(Text(task?["Memory"]))}, {count} {(count == 1 ? "task" : "tasks")}";
            var mine = endpoints.Where(e => e.Service == name).Select(e => e.Address).ToList();
            rows.Add((name, size, mine.Count == 0 ? "private" : reach + string.Join(", ", mine)));
        }
        var (nameWidth, sizeWidth) = (rows.Max(r => r.Name.Length), rows.Max(r => r.Size.Length));
        lines.AddRange(rows.Select(r => $"  {r.Name.PadRight(nameWidth)}  {r.Size.PadRight(sizeWidth)}  {r.Reach}"));
        if (template.Resources.TryGetValue(LogicalIds.LoadBalancer, out var lb) && lb.Type == "AWS::ElasticLoadBalancingV2::LoadBalancer")
            lines.Add($"  load balancer: {(Text(lb.Properties["Type"]) == "network" ? "Network" : "Application")}, {Text(lb.Properties["Scheme"]) ?? "internet-facing"}");
        else if (endpoints.Count > 0)
            lines.Add($"  load balancer: the existing one ({AwsExtensions.LoadBalancer})");
        var volumes = template.Resources.Values.Where(r => r.Type == "AWS::EFS::FileSystem")
            .Select(r => Tag(r.Properties, Volumes.VolumeTag, "FileSystemTags")).OfType<string>().Order(StringComparer.Ordinal).ToList();
        if (volumes.Count > 0)
            lines.Add($"  file systems: {string.Join(", ", volumes)} (EFS, kept by down unless -v)");
        return lines;
    }

    /// <summary>A string, a number, a Ref's target, or the text of a Fn::Sub.</summary>
    private static string? Text(Expr? expr) => expr switch
    {
        Str s => s.Value,
        Num n => n.Text,
        MapExpr { Entries: [{ Key: "Ref", Value: Str target }] } => target.Value,
        MapExpr { Entries: [{ Key: "Fn::Sub", Value: Str text }] } => text.Value.Replace($"${{{LogicalIds.LoadBalancer}.DNSName}}", LoadBalancerName, StringComparison.Ordinal),
        _ => null,
    };

    /// <summary>A tag's value; EFS file systems keep their tags in <c>FileSystemTags</c>, other resources in <c>Tags</c>.</summary>
    private static string? Tag(MapExpr properties, string key, string property = "Tags") =>
        properties[property] is ListExpr tags ? tags.Items.OfType<MapExpr>().Where(t => Text(t["Key"]) == key).Select(t => Text(t["Value"])).FirstOrDefault() : null;

    private static string Cpu(string? units) =>
        int.TryParse(units, NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? $"{(u / 1024.0).ToString("0.##", CultureInfo.InvariantCulture)} vCPU" : "? vCPU";

    private static string Memory(string? mib) =>
        int.TryParse(mib, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            ? m >= 1024 ? $"{(m / 1024.0).ToString("0.##", CultureInfo.InvariantCulture)} GB" : $"{m} MB"
            : "? MB";
}
