namespace ComposeEcs.CloudFormation;

/// <summary>The <c>Key</c>/<c>Value</c> tag shape most resource types share.</summary>
public sealed record Tag(Expr Key, Expr Value) : PropertyObject;
