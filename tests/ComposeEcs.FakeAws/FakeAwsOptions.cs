namespace ComposeEcs.FakeAws;

/// <summary>Knobs for the emulator. Defaults keep tests fast while clients still have to poll and page.</summary>
public sealed record FakeAwsOptions
{
    /// <summary>Time each CloudFormation resource operation takes, and how long a change set stays CREATE_PENDING.</summary>
    public TimeSpan ResourceDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// A scaled clock: each resource operation takes its modeled time (the deploy-time model's table,
    /// <c>ComposeEcs.CloudFormation.Timing</c>) times this factor, e.g. 0.001 turns a load balancer's 3 minutes into
    /// 180 ms. Null (the default) gives every operation <see cref="ResourceDelay"/> instead.
    /// </summary>
    public double? TimeScale { get; init; }

    /// <summary>Items per page for every paged list operation.</summary>
    public int PageSize { get; init; } = 2;

    /// <summary>Whether the account has the default VPC vpc-0default with three default subnets.</summary>
    public bool HasDefaultVpc { get; init; } = true;

    /// <summary>
    /// The account's other VPCs and their DNS attributes (<c>DescribeVpcAttribute</c>); by default the one the
    /// existing-infrastructure sample names, with DNS support and hostnames on. The default VPC has both on.
    /// </summary>
    public IReadOnlyList<FakeVpc> OtherVpcs { get; init; } = [new("vpc-0a1b2c3d4e5f60718", EnableDnsSupport: true, EnableDnsHostnames: true)];

    /// <summary>With a seed, generated ids (stack ids, physical ids, task ids) are the same from run to run.</summary>
    public int? Seed { get; init; }

    /// <summary>The loopback port to listen on; 0 (tests) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>CloudFormation's limit for an inline TemplateBody (larger templates must be uploaded to S3).</summary>
    public int MaxTemplateBodyBytes { get; init; } = 51_200;
}

/// <summary>A VPC of the emulated account other than its default one.</summary>
public sealed record FakeVpc(string VpcId, bool EnableDnsSupport, bool EnableDnsHostnames);
