namespace ComposeEcs.CloudFormation.Resources.Logs;

public sealed record LogGroup : ResourceProperties
{
    public override string ResourceType => "AWS::Logs::LogGroup";
    public Expr? LogGroupName { get; init; }
    public int? RetentionInDays { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}
