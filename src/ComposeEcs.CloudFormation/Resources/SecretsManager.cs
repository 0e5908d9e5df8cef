namespace ComposeEcs.CloudFormation.Resources.SecretsManager;

public sealed record Secret : ResourceProperties
{
    public override string ResourceType => "AWS::SecretsManager::Secret";
    public Expr? Name { get; init; }
    public string? Description { get; init; }
    /// <summary>Always a reference (a NoEcho parameter) in ComposeEcs, never a literal value.</summary>
    public Expr? SecretString { get; init; }
    public Expr? KmsKeyId { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}
