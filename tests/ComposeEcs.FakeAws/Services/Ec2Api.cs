using System.Xml.Linq;
using static ComposeEcs.FakeAws.Xml;

namespace ComposeEcs.FakeAws.Services;

internal sealed record FakeSubnet(string SubnetId, string AvailabilityZone, string ZoneId, string CidrBlock);

/// <summary>
/// EC2 DescribeVpcs / DescribeSubnets over the account's default VPC, and DescribeVpcAttribute over it and the account's
/// other VPCs (EC2's own XML dialect, Version 2016-11-15).
/// </summary>
internal sealed class Ec2Api(FakeAwsOptions options, string region, string account) : IServiceHandler
{
    public const string DefaultVpcId = "vpc-0default";

    public string Service => "ec2";

    public IReadOnlyList<FakeSubnet> Subnets { get; } = options.HasDefaultVpc
        ?
        [
            new("subnet-0default1a", $"{region}a", "use1-az1", "172.31.0.0/20"),
            new("subnet-0default1b", $"{region}b", "use1-az2", "172.31.16.0/20"),
            new("subnet-0default1c", $"{region}c", "use1-az4", "172.31.32.0/20"),
        ]
        : [];

    public WireResponse Handle(AwsRequest request) => request.Action switch
    {
        "DescribeVpcs" => DescribeVpcs(request),
        "DescribeSubnets" => DescribeSubnets(request),
        "DescribeVpcAttribute" => DescribeVpcAttribute(request),
        _ => throw new AwsError("InvalidAction", $"The action {request.Action} is not valid for this web service."),
    };

    private WireResponse DescribeVpcs(AwsRequest request)
    {
        var filters = Filters(request.Form);
        var ids = request.Form.List("VpcId");
        var vpcs = (options.HasDefaultVpc ? [DefaultVpcId] : Array.Empty<string>())
            .Where(id => ids.Count == 0 || ids.Contains(id))
            .Where(_ => Matches(filters, "isDefault", "true") && Matches(filters, "is-default", "true") && Matches(filters, "vpc-id", DefaultVpcId) && Matches(filters, "state", "available"))
            .ToList();
        var missing = ids.FirstOrDefault(id => id != DefaultVpcId || !options.HasDefaultVpc);
        if (missing is not null) throw new AwsError("InvalidVpcID.NotFound", $"The vpc ID '{missing}' does not exist");
        var (page, next) = Paging.Page(vpcs, request.Form.Get("NextToken"), options.PageSize, request.Form.Int("MaxResults"));
        return QueryProtocol.Ec2Ok(request, Items("vpcSet", page.Select(id => E("item",
            E("vpcId", id), E("ownerId", account), E("state", "available"), E("cidrBlock", "172.31.0.0/16"),
            Items("cidrBlockAssociationSet", [E("item", E("associationId", "vpc-cidr-assoc-0default"), E("cidrBlock", "172.31.0.0/16"),
                E("cidrBlockState", E("state", "associated")))]),
            E("dhcpOptionsId", "dopt-0default"), E("instanceTenancy", "default"), E("isDefault", true)))),
            next is null ? null : E("nextToken", next));
    }

    /// <summary>One attribute per call, as EC2 answers it: <c>&lt;enableDnsSupport&gt;&lt;value&gt;true&lt;/value&gt;...</c>.</summary>
    private WireResponse DescribeVpcAttribute(AwsRequest request)
    {
        var vpcId = request.Form.Get("VpcId") ?? throw new AwsError("MissingParameter", "The request must contain the parameter vpcId");
        var attribute = request.Form.Get("Attribute") ?? throw new AwsError("MissingParameter", "The request must contain the parameter attribute");
        var vpc = options.HasDefaultVpc && vpcId == DefaultVpcId
            ? new FakeVpc(DefaultVpcId, EnableDnsSupport: true, EnableDnsHostnames: true)
            : options.OtherVpcs.FirstOrDefault(v => v.VpcId == vpcId) ?? throw new AwsError("InvalidVpcID.NotFound", $"The vpc ID '{vpcId}' does not exist");
        bool value = attribute switch
        {
            "enableDnsSupport" => vpc.EnableDnsSupport,
            "enableDnsHostnames" => vpc.EnableDnsHostnames,
            "enableNetworkAddressUsageMetrics" => false,
            _ => throw new AwsError("InvalidParameterValue", $"Value ({attribute}) for parameter attribute is invalid. Unknown attribute."),
        };
        return QueryProtocol.Ec2Ok(request, E("vpcId", vpc.VpcId), E(attribute, E("value", value)));
    }

    private WireResponse DescribeSubnets(AwsRequest request)
    {
        var filters = Filters(request.Form);
        var ids = request.Form.List("SubnetId");
        var missing = ids.FirstOrDefault(id => Subnets.All(s => s.SubnetId != id));
        if (missing is not null) throw new AwsError("InvalidSubnetID.NotFound", $"The subnet ID '{missing}' does not exist");
        var subnets = Subnets
            .Where(s => ids.Count == 0 || ids.Contains(s.SubnetId))
            .Where(s => Matches(filters, "vpc-id", DefaultVpcId) && Matches(filters, "default-for-az", "true")
                && Matches(filters, "defaultForAz", "true") && Matches(filters, "availability-zone", s.AvailabilityZone)
                && Matches(filters, "subnet-id", s.SubnetId) && Matches(filters, "state", "available"))
            .ToList();
        var (page, next) = Paging.Page(subnets, request.Form.Get("NextToken"), options.PageSize, request.Form.Int("MaxResults"));
        return QueryProtocol.Ec2Ok(request, Items("subnetSet", page.Select(Subnet)), next is null ? null : E("nextToken", next));
    }

    private XElement Subnet(FakeSubnet s) => E("item",
        E("subnetId", s.SubnetId),
        E("subnetArn", $"arn:aws:ec2:{region}:{account}:subnet/{s.SubnetId}"),
        E("state", "available"),
        E("ownerId", account),
        E("vpcId", DefaultVpcId),
        E("cidrBlock", s.CidrBlock),
        E("availableIpAddressCount", 4091),
        E("availabilityZone", s.AvailabilityZone),
        E("availabilityZoneId", s.ZoneId),
        E("defaultForAz", true),
        E("mapPublicIpOnLaunch", true),
        E("assignIpv6AddressOnCreation", false));

    /// <summary>Filter.N.Name / Filter.N.Value.M.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Filters(QueryParams form) =>
        form.Structs("Filter").ToDictionary(f => form.Get(f + ".Name") ?? "", f => form.List(f + ".Value"));

    private static bool Matches(Dictionary<string, IReadOnlyList<string>> filters, string name, string value) =>
        !filters.TryGetValue(name, out var values) || values.Contains(value, StringComparer.OrdinalIgnoreCase);
}
