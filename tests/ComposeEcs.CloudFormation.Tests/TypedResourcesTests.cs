using System.Reflection;
using System.Runtime.CompilerServices;
using ComposeEcs.CloudFormation;

namespace ComposeEcs.CloudFormation.Tests;

/// <summary>The typed resource records' property names, checked against the spec without generating a template.</summary>
public class TypedResourcesTests
{
    [Fact]
    public void Every_typed_resource_record_uses_only_listed_types_and_property_names()
    {
        var spec = ResourceSpec.Default;
        var problems = new List<string>();
        var resourceTypes = typeof(ResourceProperties).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ResourceProperties)) && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(resourceTypes);
        foreach (var type in resourceTypes)
        {
            var name = ((ResourceProperties)RuntimeHelpers.GetUninitializedObject(type)).ResourceType;
            if (!spec.IsResourceType(name)) problems.Add($"{type.Name}: type '{name}' is not in the spec");
            else Walk(spec, type, name, type.Name, problems, []);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void Walk(ResourceSpec spec, Type clrType, string specType, string path, List<string> problems, HashSet<Type> seen)
    {
        if (!seen.Add(clrType)) return;
        var allowed = spec.Types[specType];
        foreach (var property in clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == nameof(ResourceProperties.ResourceType) || property.GetIndexParameters().Length > 0) continue;
            if (!allowed.TryGetValue(property.Name, out var nested))
            {
                problems.Add($"{path}.{property.Name} is not a property of {specType}");
                continue;
            }
            if (nested is not null && RecordType(property.PropertyType) is { } record)
                Walk(spec, record, nested, $"{path}.{property.Name}", problems, seen);
        }
        seen.Remove(clrType);
    }

    /// <summary>The property-object record a property holds, directly, as nullable, or as a collection's element.</summary>
    private static Type? RecordType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsSubclassOf(typeof(PropertyObject))) return type;
        var element = type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return element is not null && element.IsSubclassOf(typeof(PropertyObject)) ? element : null;
    }
}
