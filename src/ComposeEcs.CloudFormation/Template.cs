using System.Collections.Immutable;

namespace ComposeEcs.CloudFormation;

public sealed record Template
{
    public string? Description { get; init; }
    public ImmutableSortedDictionary<string, Parameter> Parameters { get; init; } = Sorted.Empty<Parameter>();
    public ImmutableSortedDictionary<string, Expr> Conditions { get; init; } = Sorted.Empty<Expr>();
    public ImmutableSortedDictionary<string, Resource> Resources { get; init; } = Sorted.Empty<Resource>();
    public ImmutableSortedDictionary<string, Output> Outputs { get; init; } = Sorted.Empty<Output>();
    /// <summary>
    /// A partial template deep-merged over this one by <see cref="TemplateTree.ToTree"/> (see <see cref="TreeMerge.Merge"/>),
    /// such as the compose file's <c>x-aws-cloudformation</c>; null for none.
    /// </summary>
    public MapExpr? Overlay { get; init; }
}

public sealed record Resource(string Type, MapExpr Properties)
{
    public ImmutableArray<string> DependsOn { get; init; } = [];
    /// <summary><c>Delete</c>, <c>Retain</c>, <c>Snapshot</c>, ... or null for CloudFormation's default.</summary>
    public string? DeletionPolicy { get; init; }
    public string? UpdateReplacePolicy { get; init; }
    public string? Condition { get; init; }

    public static Resource Of(ResourceProperties properties) => new(properties.ResourceType, properties.ToExpr());
}

public sealed record Parameter(string Type)
{
    public string? Description { get; init; }
    public Expr? Default { get; init; }
    public bool NoEcho { get; init; }
    public ImmutableArray<string> AllowedValues { get; init; } = [];
    public string? AllowedPattern { get; init; }
    public string? ConstraintDescription { get; init; }
    public int? MinLength { get; init; }
}

public sealed record Output(Expr Value)
{
    public string? Description { get; init; }
    public Expr? ExportName { get; init; }
    public string? Condition { get; init; }
}

public static class Sorted
{
    public static ImmutableSortedDictionary<string, T> Empty<T>() => ImmutableSortedDictionary.Create<string, T>(StringComparer.Ordinal);
}
