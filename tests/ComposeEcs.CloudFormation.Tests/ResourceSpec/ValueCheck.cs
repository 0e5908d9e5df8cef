using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComposeEcs.CloudFormation;

namespace ComposeEcs.CloudFormation.Tests;

/// <summary>
/// Checks one value against a <see cref="ValueShape"/> the way CloudFormation reads it: scalars convert into each
/// other where the text allows (80 is a fine String, "80" a fine Integer, "true" a fine Boolean), but an object or a
/// list never stands for a scalar, a scalar never for a list or an object, and null is never allowed. An intrinsic
/// function stands for any value; only both branches of <c>Fn::If</c> are checked.
/// </summary>
internal sealed partial class ValueCheck(ResourceSpec spec, List<string> problems)
{
    public void Check(ValueShape shape, ImmutableArray<string> allowed, Expr value, string path, string? pattern = null)
    {
        if (value is MapExpr function && Fn.IsFunction(function))
        {
            if (function["Fn::If"] is ListExpr { Items: [_, var whenTrue, var whenFalse] })
            {
                Check(shape, allowed, whenTrue, $"{path}.Fn::If[1]", pattern);
                Check(shape, allowed, whenFalse, $"{path}.Fn::If[2]", pattern);
            }
            return;
        }
        if (value is Null)
        {
            problems.Add($"{path}: null is not allowed (CloudFormation rejects null values in templates)");
            return;
        }
        switch (shape)
        {
            case AnyShape:
                break;
            case ScalarShape scalar:
                CheckScalar(scalar.Kind, allowed, pattern, value, path);
                break;
            case ListShape list when value is ListExpr items:
                for (var i = 0; i < items.Items.Length; i++) Check(list.Item, allowed, items.Items[i], $"{path}[{i}]", pattern);
                break;
            case MapShape map when value is MapExpr entries:
                if (map.Values is { } values)
                    foreach (var (key, item) in entries.Entries) Check(values, [], item, $"{path}.{key}");
                break;
            case JsonShape when value is MapExpr:
                break;
            case JsonShape when value is Str text:
                if (!IsJson(text.Value)) problems.Add($"{path}: expected a JSON document, found a string that is not JSON");
                break;
            case NestedShape nested when value is MapExpr entries:
                CheckObject(nested.TypeName, entries, path);
                break;
            default:
                problems.Add($"{path}: expected {Describe(shape)}, found {Describe(value)}");
                break;
        }
    }

    private void CheckObject(string type, MapExpr map, string path)
    {
        var properties = spec.Properties[type];
        foreach (var (key, item) in map.Entries)
        {
            if (properties.TryGetValue(key, out var property))
            {
                Check(property.Shape, property.AllowedValues, item, $"{path}.{key}", property.Pattern);
                continue;
            }
            var near = properties.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            problems.Add($"{path}: '{key}' is not a property of {type}{(near is null ? "" : $" (did you mean '{near}'?)")}");
        }
        foreach (var (name, _) in properties.Where(p => p.Value.Required))
            if (map[name] is null) problems.Add($"{path}: required property '{name}' of {type} is missing");
    }

    private void CheckScalar(ScalarKind kind, ImmutableArray<string> allowed, string? pattern, Expr value, string path)
    {
        if (Text(value) is not { } text)
        {
            problems.Add($"{path}: expected {kind}, found {Describe(value)}");
            return;
        }
        var fits = kind switch
        {
            ScalarKind.Integer => value is not Bool && IntegerPattern().IsMatch(text),
            ScalarKind.Number => value is not Bool && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            ScalarKind.Boolean => value is Bool || text is "true" or "false" or "True" or "False",
            _ => true,
        };
        if (!fits)
        {
            problems.Add($"{path}: expected {kind}, found {Describe(value)}");
            return;
        }
        if (allowed.Length > 0 && !allowed.Any(a => Same(kind, a, text)))
            problems.Add($"{path}: {Describe(value)} is not one of {string.Join(", ", allowed)}");
        else if (pattern is not null && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant))
            problems.Add($"{path}: {Describe(value)} does not match {pattern}");
    }

    /// <summary>Integers compare by value (CloudFormation reads "07" as 7); everything else exactly.</summary>
    private static bool Same(ScalarKind kind, string allowed, string text) =>
        kind == ScalarKind.Integer && long.TryParse(allowed, CultureInfo.InvariantCulture, out var a) && long.TryParse(text, CultureInfo.InvariantCulture, out var b)
            ? a == b
            : string.Equals(allowed, text, StringComparison.Ordinal);

    private static string? Text(Expr value) => value switch
    {
        Str s => s.Value,
        Num n => n.Text,
        Bool b => b.Value ? "true" : "false",
        _ => null,
    };

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Describe(ValueShape shape) => shape switch
    {
        ScalarShape s => s.Kind.ToString(),
        ListShape l => $"a list of {Describe(l.Item)}",
        MapShape => "an object",
        JsonShape => "a JSON document (an object or a string)",
        NestedShape n => n.TypeName,
        _ => "a value",
    };

    private static string Describe(Expr value) => value switch
    {
        ListExpr => "a list",
        MapExpr => "an object",
        _ => value.ToString(),
    };

    [GeneratedRegex(@"^-?[0-9]+$")]
    private static partial Regex IntegerPattern();
}
