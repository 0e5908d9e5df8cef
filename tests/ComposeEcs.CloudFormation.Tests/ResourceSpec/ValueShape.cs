using System.Collections.Immutable;

namespace ComposeEcs.CloudFormation.Tests;

/// <summary>What a property's value must look like, as written after the colon in <c>resource-types.txt</c>.</summary>
public abstract record ValueShape
{
    /// <summary>The property type an object (or each item, or each value) must be, when the shape names one.</summary>
    public string? NestedType => this switch
    {
        NestedShape n => n.TypeName,
        ListShape l => l.Item.NestedType,
        MapShape { Values: { } v } => v.NestedType,
        _ => null,
    };
}

public enum ScalarKind { String, Integer, Number, Boolean }

/// <summary>String, Integer, Number or Boolean.</summary>
public sealed record ScalarShape(ScalarKind Kind) : ValueShape;

/// <summary><c>List of T</c>.</summary>
public sealed record ListShape(ValueShape Item) : ValueShape;

/// <summary><c>Map</c> (Values null: free-form, not looked into) or <c>Map of T</c>.</summary>
public sealed record MapShape(ValueShape? Values) : ValueShape;

/// <summary>A policy-style document: an object, or a string holding JSON.</summary>
public sealed record JsonShape : ValueShape;

/// <summary>Anything at all.</summary>
public sealed record AnyShape : ValueShape;

/// <summary>An object of a listed property type (full name, e.g. <c>AWS::ECS::Service.LoadBalancer</c>).</summary>
public sealed record NestedShape(string TypeName) : ValueShape;

/// <summary>One property of a resource or property type.</summary>
/// <param name="AllowedValues">Empty when any value of the shape will do; else the only values AWS accepts (for a
/// list, for each item).</param>
/// <param name="Pattern">A regular expression a literal value (or each item) must match, or null.</param>
public sealed record PropertySpec(ValueShape Shape, bool Required, ImmutableArray<string> AllowedValues, string? Pattern = null)
{
    public bool Equals(PropertySpec? other) =>
        other is not null && Shape == other.Shape && Required == other.Required && AllowedValues.SequenceEqual(other.AllowedValues)
        && Pattern == other.Pattern;

    public override int GetHashCode() => HashCode.Combine(Shape, Required, AllowedValues.Length);
}
