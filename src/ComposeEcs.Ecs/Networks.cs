using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ec2;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>The VPC and subnets everything runs in: literal ids from <c>x-aws-vpc</c>/<c>x-aws-subnets</c>, else template parameters.</summary>
internal sealed record Vpc(Expr Id, Expr Subnets, bool FromParameters);

/// <summary>VPC/subnets, and one security group per compose network that services actually join.</summary>
internal static class Networks
{
    public static Vpc Vpc(AwsSettings aws) => aws.Vpc is { } vpc
        ? new(vpc.Value, new ListExpr((aws.Subnets?.Value ?? []).Select(s => (Expr)s).ToImmutableArray()), FromParameters: false)
        : new(Fn.Ref(LogicalIds.VpcParameter), Fn.Ref(LogicalIds.SubnetsParameter), FromParameters: true);

    public static IEnumerable<Diagnostic> Check(ComposeProject project, AwsSettings aws)
    {
        if (aws is { Vpc: not null, Subnets: { Value.Length: 1 } subnets } && LoadBalancing.Shape(project, aws) is { IsApplication: true, Existing: false })
            yield return Diagnostic.Error(DiagnosticCodes.Vpc, $"{AwsExtensions.Subnets}: an application load balancer needs at least two subnets in different availability zones", subnets.At);
        foreach (var network in Used(project).Where(n => !aws.SecurityGroups.ContainsKey(n)))
        {
            if (!project.Networks.TryGetValue(network, out var declared)) continue;
            // A security group without outbound rules would also stop the task pulling its image, sending its logs and
            // reading its secrets, so the network's group keeps the default egress.
            if (declared.Internal)
                yield return Ignored(declared, "internal", "its services can still reach the internet: a Fargate task needs outbound access to pull its image, send logs and read secrets (run the tasks in subnets without a route to the internet, with VPC endpoints, or name a group with x-aws-securitygroup)");
            if (declared.Fields.Has("ipam"))
                yield return Ignored(declared, "ipam", "tasks get their addresses from the VPC subnets");
        }
    }

    private static Diagnostic Ignored(Network network, string field, string what) =>
        Diagnostic.Warning(DiagnosticCodes.Ignored, $"network \"{network.Key}\": {field}: ignored, {what}", network.LocationOf(field));

    /// <summary>Compose networks joined by at least one service, sorted.</summary>
    public static ImmutableArray<string> Used(ComposeProject project) =>
        [.. project.Services.Values.SelectMany(s => s.Networks.Keys).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Plan step: the task joins the security group of each of its networks.</summary>
    public static ServicePlan Plan(TransformContext context, ServicePlan plan) => plan with
    {
        SecurityGroups = [.. plan.SecurityGroups, .. plan.Service.Networks.Keys.Select(n => GroupOf(context.Aws, n))],
    };

    public static Expr GroupOf(string network) => Fn.Ref(LogicalIds.Network(network));

    /// <summary>The network's group: its <c>x-aws-securitygroup</c>, else the one this template creates.</summary>
    public static Expr GroupOf(AwsSettings aws, string network) =>
        aws.SecurityGroups.TryGetValue(network, out var existing) ? existing.Value : GroupOf(network);

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var resources = new List<KeyValuePair<string, Resource>>();
        foreach (var network in Used(context.Project).Where(n => !context.Aws.SecurityGroups.ContainsKey(n)))
        {
            var id = LogicalIds.Network(network);
            var name = context.Project.Networks.TryGetValue(network, out var declared) ? declared.Name : $"{context.Project.Name}_{network}";
            resources.Add(new(id, Resource.Of(new SecurityGroup
            {
                GroupDescription = AwsNames.Truncate($"{context.Project.Name} {network} network", AwsNames.Description),
                VpcId = context.Vpc.Id,
                Tags = [.. context.ProjectTags, new Tag(ComposeTags.Network, name)],
            })));
            resources.Add(new(LogicalIds.NetworkIngress(network), Resource.Of(new SecurityGroupIngress
            {
                GroupId = Fn.Ref(id),
                SourceSecurityGroupId = Fn.Ref(id),
                IpProtocol = "-1",
                Description = $"members of the {network} network talk to each other",
            })));
        }
        var parameters = context.Vpc.FromParameters
            ? Sorted.Empty<Parameter>()
                .Add(LogicalIds.VpcParameter, new Parameter("AWS::EC2::VPC::Id") { Description = "VPC the services run in" })
                .Add(LogicalIds.SubnetsParameter, new Parameter("List<AWS::EC2::Subnet::Id>")
                {
                    Description = "Subnets of that VPC for the tasks and the load balancer (at least two, in different availability zones)",
                })
            : Sorted.Empty<Parameter>();
        return new Template { Resources = Sorted.Empty<Resource>().AddRange(resources), Parameters = parameters };
    }
}
