using System.Text.Json.Nodes;
using System.Xml.Linq;
using ComposeEcs.FakeAws.CloudFormation;
using static ComposeEcs.FakeAws.Xml;

namespace ComposeEcs.FakeAws.Services;

/// <summary>ELBv2 DescribeLoadBalancers / DescribeListeners / DescribeTargetGroups from stack resources (query, 2015-12-01; pages with Marker).</summary>
internal sealed class ElbApi(CloudFormationStore store, FakeAwsOptions options) : IServiceHandler
{
    public string Service => "elasticloadbalancing";

    public WireResponse Handle(AwsRequest request) => request.Action switch
    {
        "DescribeLoadBalancers" => DescribeLoadBalancers(request),
        "DescribeListeners" => DescribeListeners(request),
        "DescribeTargetGroups" => DescribeTargetGroups(request),
        _ => throw new AwsError("InvalidAction", $"Could not find operation {request.Action} for version 2015-12-01"),
    };

    private List<StackResource> Resources(string type)
    {
        lock (store.Lock)
            return store.Live.SelectMany(s => s.Resources.Values).Where(r => r.Exists && r.Type == type).ToList();
    }

    private WireResponse Paged(AwsRequest request, string listName, IReadOnlyList<XElement> items)
    {
        var (page, next) = Paging.Page(items, request.Form.Get("Marker"), options.PageSize, request.Form.Int("PageSize"));
        return QueryProtocol.Ok(request, Members(listName, page), next is null ? null : E("NextMarker", next));
    }

    private WireResponse DescribeLoadBalancers(AwsRequest request)
    {
        var names = request.Form.List("Names.member");
        var arns = request.Form.List("LoadBalancerArns.member");
        var all = Resources("AWS::ElasticLoadBalancingV2::LoadBalancer");
        var matching = all.Where(r => (names.Count == 0 || names.Contains(Attr(r, "LoadBalancerName"))) && (arns.Count == 0 || arns.Contains(r.Physical!.Id))).ToList();
        if ((names.Count > 0 || arns.Count > 0) && matching.Count < names.Count + arns.Count)
            throw new AwsError("LoadBalancerNotFound", "One or more load balancers not found");
        return Paged(request, "LoadBalancers", matching.Select(LoadBalancer).ToList());
    }

    private static XElement LoadBalancer(StackResource r) => E("member",
        E("LoadBalancerArn", r.Physical!.Id),
        E("DNSName", Attr(r, "DNSName")),
        E("CanonicalHostedZoneId", Attr(r, "CanonicalHostedZoneID")),
        E("CreatedTime", r.Timestamp),
        E("LoadBalancerName", Attr(r, "LoadBalancerName")),
        E("Scheme", Template.Text(r.Properties?["Scheme"]) ?? "internet-facing"),
        E("VpcId", "vpc-0default"),
        E("State", E("Code", "active")),
        E("Type", Template.Text(r.Properties?["Type"]) ?? "application"),
        Members("AvailabilityZones", (r.Properties?["Subnets"] as JsonArray ?? []).Select(s => E("member", E("SubnetId", Template.Text(s)), E("ZoneName", "us-east-1a")))),
        Members("SecurityGroups", (r.Properties?["SecurityGroups"] as JsonArray ?? []).Select(Template.Text)),
        E("IpAddressType", "ipv4"));

    private WireResponse DescribeListeners(AwsRequest request)
    {
        var lb = request.Form.Get("LoadBalancerArn");
        var arns = request.Form.List("ListenerArns.member");
        if (lb is null && arns.Count == 0) throw AwsError.Validation("A load balancer ARN or listener ARNs must be specified");
        if (lb is not null && Resources("AWS::ElasticLoadBalancingV2::LoadBalancer").All(r => r.Physical!.Id != lb))
            throw new AwsError("LoadBalancerNotFound", $"Load balancer '{lb}' not found");
        var listeners = Resources("AWS::ElasticLoadBalancingV2::Listener")
            .Where(r => (lb is null || Template.Text(r.Properties?["LoadBalancerArn"]) == lb) && (arns.Count == 0 || arns.Contains(r.Physical!.Id)))
            .Select(r => E("member",
                E("ListenerArn", r.Physical!.Id),
                E("LoadBalancerArn", Template.Text(r.Properties?["LoadBalancerArn"])),
                E("Port", Template.Text(r.Properties?["Port"])),
                E("Protocol", Template.Text(r.Properties?["Protocol"]) ?? "HTTP"),
                Members("DefaultActions", (r.Properties?["DefaultActions"] as JsonArray ?? []).Select(a => E("member",
                    E("Type", Template.Text(a?["Type"]) ?? "forward"),
                    Template.Text(a?["TargetGroupArn"]) is { } tg ? E("TargetGroupArn", tg) : null)))))
            .ToList();
        return Paged(request, "Listeners", listeners);
    }

    private WireResponse DescribeTargetGroups(AwsRequest request)
    {
        var lb = request.Form.Get("LoadBalancerArn");
        var arns = request.Form.List("TargetGroupArns.member");
        var groups = Resources("AWS::ElasticLoadBalancingV2::TargetGroup")
            .Where(r => arns.Count == 0 || arns.Contains(r.Physical!.Id))
            .Select(r => E("member",
                E("TargetGroupArn", r.Physical!.Id),
                E("TargetGroupName", Attr(r, "TargetGroupName")),
                E("Protocol", Template.Text(r.Properties?["Protocol"]) ?? "HTTP"),
                E("Port", Template.Text(r.Properties?["Port"]) ?? "80"),
                E("VpcId", Template.Text(r.Properties?["VpcId"]) ?? "vpc-0default"),
                E("TargetType", Template.Text(r.Properties?["TargetType"]) ?? "ip"),
                lb is null ? null : Members("LoadBalancerArns", [lb])))
            .ToList();
        return Paged(request, "TargetGroups", groups);
    }

    private static string Attr(StackResource r, string name) => Template.Text(r.Physical!.Attributes.GetValueOrDefault(name)) ?? "";
}
