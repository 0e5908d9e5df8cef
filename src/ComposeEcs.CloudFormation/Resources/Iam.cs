namespace ComposeEcs.CloudFormation.Resources.Iam;

public sealed record Role : ResourceProperties
{
    public override string ResourceType => "AWS::IAM::Role";
    /// <summary>A policy document (JSON in CloudFormation).</summary>
    public required Expr AssumeRolePolicyDocument { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<Expr>? ManagedPolicyArns { get; init; }
    public IReadOnlyList<Policy>? Policies { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

/// <summary>An inline policy of a role.</summary>
public sealed record Policy(string PolicyName, Expr PolicyDocument) : PropertyObject;

/// <summary>An IAM policy document; its keys are the IAM JSON policy keys.</summary>
public sealed record PolicyDocument : PropertyObject
{
    public string Version { get; init; } = "2012-10-17";
    public required IReadOnlyList<PolicyStatement> Statement { get; init; }
}

public sealed record PolicyStatement : PropertyObject
{
    public string? Sid { get; init; }
    public string Effect { get; init; } = "Allow";
    public Expr? Principal { get; init; }
    public IReadOnlyList<Expr>? Action { get; init; }
    public IReadOnlyList<Expr>? Resource { get; init; }
    public Expr? Condition { get; init; }
}
