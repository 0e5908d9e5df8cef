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

    /// <summary>With a seed, generated ids (stack ids, physical ids, task ids) are the same from run to run.</summary>
    public int? Seed { get; init; }

    /// <summary>The loopback port to listen on; 0 (tests) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>CloudFormation's limit for an inline TemplateBody (larger templates must be uploaded to S3).</summary>
    public int MaxTemplateBodyBytes { get; init; } = 51_200;
}
