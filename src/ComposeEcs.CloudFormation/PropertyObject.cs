using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;

namespace ComposeEcs.CloudFormation;

/// <summary>
/// Base of every typed property record (a resource's properties or a nested property type). Its public properties
/// are the CloudFormation property names, so a misspelled name does not compile. Null properties are omitted;
/// keys are written sorted, since CloudFormation does not care about their order.
/// </summary>
[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
public abstract record PropertyObject
{
    /// <summary>
    /// The serialised properties of each record type, in output order. A cache, not state: it holds only what
    /// reflection would answer again, and converting thousands of services spent most of its time reflecting.
    /// </summary>
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();

    public MapExpr ToExpr()
    {
        var type = GetType();
        if (!PropertiesByType.TryGetValue(type, out var properties))
        {
            properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && !IsResourceTypeName(p))
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .ToArray();
            PropertiesByType.TryAdd(type, properties);
        }

        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, Expr>>(properties.Length);
        foreach (var property in properties)
            if (property.GetValue(this) is { } value)
                entries.Add(KeyValuePair.Create(property.Name, ToExpr(value)));
        return new MapExpr(entries.DrainToImmutable());
    }

    /// <summary>The <c>ResourceType</c> override names the type; it is not one of the resource's properties.</summary>
    private bool IsResourceTypeName(PropertyInfo property) =>
        this is ResourceProperties && property.Name == nameof(ResourceProperties.ResourceType);

    internal static Expr ToExpr(object value) => value switch
    {
        Expr e => e,
        PropertyObject o => o.ToExpr(),
        string s => new Str(s),
        bool b => new Bool(b),
        int i => new Num(i.ToString(CultureInfo.InvariantCulture)),
        long l => new Num(l.ToString(CultureInfo.InvariantCulture)),
        double d => new Num(d.ToString("R", CultureInfo.InvariantCulture)),
        IDictionary map => new MapExpr(map.Keys.Cast<string>().Order(StringComparer.Ordinal)
            .Select(k => KeyValuePair.Create(k, ToExpr(map[k]!))).ToImmutableArray()),
        IEnumerable list => new ListExpr(list.Cast<object>().Select(ToExpr).ToImmutableArray()),
        _ => throw new NotSupportedException($"{value.GetType().Name} is not a template value"),
    };
}

/// <summary>The typed <c>Properties</c> of one resource type.</summary>
public abstract record ResourceProperties : PropertyObject
{
    /// <summary>The CloudFormation type name, such as <c>AWS::ECS::Service</c>.</summary>
    public abstract string ResourceType { get; }
}
