using ComposeEcs.Aws.Endpoints;
using ComposeEcs.Aws.Http;
using ComposeEcs.Aws.Protocols;

namespace ComposeEcs.Aws.Clients;

public sealed record Vpc(string VpcId, string? CidrBlock, bool IsDefault, string? State);

public sealed record Subnet(string SubnetId, string VpcId, string AvailabilityZone, string? CidrBlock, bool DefaultForAz, bool MapPublicIpOnLaunch);

/// <summary>An EC2 Describe* filter, e.g. ("isDefault", ["true"]).</summary>
public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    public Ec2Filter(string name, string value) : this(name, [value]) { }
}

/// <summary>The EC2 operations compose-ecs uses (EC2's query dialect, 2016-11-15: Filter.N.Name, items in "item", nextToken).</summary>
public sealed class Ec2Client(AwsTransport transport)
{
    private readonly QueryProtocol _query = new(transport, AwsService.Ec2, "2016-11-15");

    public Task<IReadOnlyList<Vpc>> DescribeVpcsAsync(IEnumerable<Ec2Filter>? filters = null, CancellationToken cancellationToken = default)
    {
        var filterList = filters?.ToList() ?? [];
        return Paging.All<Vpc>(async (token, ct) =>
        {
            var result = await _query.CallAsync("DescribeVpcs", WithFilters(filterList).Add("NextToken", token), ct).ConfigureAwait(false);
            return new Page<Vpc>(result.List("vpcSet", "item").Select(v => new Vpc(
                v.TextOrEmpty("vpcId"), v.Text("cidrBlock"), v.Bool("isDefault"), v.Text("state"))).ToList(), result.Text("nextToken"));
        }, cancellationToken).CollectAsync(cancellationToken);
    }

    public Task<IReadOnlyList<Subnet>> DescribeSubnetsAsync(IEnumerable<Ec2Filter>? filters = null, CancellationToken cancellationToken = default)
    {
        var filterList = filters?.ToList() ?? [];
        return Paging.All<Subnet>(async (token, ct) =>
        {
            var result = await _query.CallAsync("DescribeSubnets", WithFilters(filterList).Add("NextToken", token), ct).ConfigureAwait(false);
            return new Page<Subnet>(result.List("subnetSet", "item").Select(s => new Subnet(
                s.TextOrEmpty("subnetId"), s.TextOrEmpty("vpcId"), s.TextOrEmpty("availabilityZone"), s.Text("cidrBlock"),
                s.Bool("defaultForAz"), s.Bool("mapPublicIpOnLaunch"))).ToList(), result.Text("nextToken"));
        }, cancellationToken).CollectAsync(cancellationToken);
    }

    /// <summary>One boolean attribute of a VPC: <c>enableDnsSupport</c> or <c>enableDnsHostnames</c>.</summary>
    public async Task<bool> DescribeVpcAttributeAsync(string vpcId, string attribute, CancellationToken cancellationToken = default)
    {
        var result = await _query.CallAsync("DescribeVpcAttribute", new QueryParameters().Add("VpcId", vpcId).Add("Attribute", attribute), cancellationToken).ConfigureAwait(false);
        return result.Child(attribute)?.Bool("value") ?? false;
    }

    /// <summary>The account's default VPC in this region, or null when it has none.</summary>
    public async Task<Vpc?> FindDefaultVpcAsync(CancellationToken cancellationToken = default)
    {
        var vpcs = await DescribeVpcsAsync([new Ec2Filter("isDefault", "true")], cancellationToken).ConfigureAwait(false);
        return vpcs.FirstOrDefault();
    }

    /// <summary>The default subnets (one per availability zone) of a VPC, sorted by zone.</summary>
    public async Task<IReadOnlyList<Subnet>> DefaultSubnetsAsync(string vpcId, CancellationToken cancellationToken = default)
    {
        var subnets = await DescribeSubnetsAsync([new Ec2Filter("vpc-id", vpcId), new Ec2Filter("default-for-az", "true")], cancellationToken).ConfigureAwait(false);
        return subnets.OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).ThenBy(s => s.SubnetId, StringComparer.Ordinal).ToList();
    }

    private static QueryParameters WithFilters(IReadOnlyList<Ec2Filter> filters) =>
        new QueryParameters().AddStructList("Filter", filters, (q, prefix, f) => q.Add($"{prefix}.Name", f.Name).AddList($"{prefix}.Value", f.Values, ""), "");
}
