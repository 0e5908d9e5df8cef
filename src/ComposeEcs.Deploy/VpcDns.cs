using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy;

/// <summary>
/// Services find each other through a Cloud Map private DNS namespace, which is a Route 53 private hosted zone: "To use
/// private hosted zones, you must set the following Amazon VPC settings to true: enableDnsHostnames, enableDnsSupport"
/// (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-considerations.html). The stack would
/// deploy in a VPC without them, but no service could resolve another by name, so <c>up</c> checks first.
/// </summary>
public static class VpcDns
{
    private static readonly string[] Attributes = ["enableDnsSupport", "enableDnsHostnames"];

    /// <summary>Null when the VPC resolves private hosted zones, else the one-line reason and how to fix it.</summary>
    public static async Task<string?> CheckAsync(Ec2Client ec2, string vpcId, CancellationToken cancellationToken)
    {
        var off = new List<string>();
        foreach (var attribute in Attributes)
            if (!await ec2.DescribeVpcAttributeAsync(vpcId, attribute, cancellationToken).ConfigureAwait(false))
                off.Add(attribute);
        if (off.Count == 0) return null;
        var fixes = string.Join("; ", off.Select(a => $"aws ec2 modify-vpc-attribute --vpc-id {vpcId} --{Flag(a)}"));
        return $"VPC {vpcId} has {string.Join(" and ", off)} turned off, so services could not reach each other by name " +
            $"(the project's Cloud Map namespace is a private hosted zone, which needs both): run {fixes}";
    }

    private static string Flag(string attribute) => attribute == "enableDnsSupport" ? "enable-dns-support" : "enable-dns-hostnames";
}
