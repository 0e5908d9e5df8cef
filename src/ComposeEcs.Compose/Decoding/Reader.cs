using System.Collections.Immutable;
using System.Globalization;
using ComposeEcs.Compose.Model;
using ComposeEcs.Compose.Yaml;

namespace ComposeEcs.Compose.Decoding;

/// <summary>Typed access to <see cref="YNode"/> values that reports type errors as diagnostics prefixed with a context.</summary>
internal sealed class Reader(List<Diagnostic> diagnostics, string context)
{
    public List<Diagnostic> Diagnostics => diagnostics;
    public string Context => context;

    /// <summary>A field's value is wrong (<see cref="DiagnosticCodes.InvalidValue"/> unless <paramref name="code"/> says otherwise).</summary>
    public void Error(string field, string message, YNode? at, DiagnosticCode? code = null) =>
        diagnostics.Add(Diagnostic.Error(code ?? DiagnosticCodes.InvalidValue, context.Length == 0 ? $"{field}: {message}" : $"{context}: {field}: {message}", at?.Location));

    public void CheckKeys(YMapping map, string field, IReadOnlySet<string> allowed)
    {
        foreach (var entry in map.Entries)
        {
            if (entry.Name.StartsWith("x-", StringComparison.Ordinal) || allowed.Contains(entry.Name)) continue;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownField, 
                (context.Length == 0 ? "" : context + ": ") + (field.Length == 0 ? "" : field + ": ") + $"unknown field \"{entry.Name}\"" +
                (Suggestions.Closest(entry.Name, allowed) is { } closest ? $" (did you mean \"{closest}\"?)" : ""),
                entry.Key.Location));
        }
    }

    public YMapping? Map(YNode? node, string field)
    {
        switch (node)
        {
            case null: return null;
            case YMapping m: return m;
            case YScalar { IsNull: true }: return null;
            default: Error(field, "must be a mapping", node); return null;
        }
    }

    public YSequence? Seq(YNode? node, string field)
    {
        switch (node)
        {
            case null: return null;
            case YSequence s: return s;
            case YScalar { IsNull: true }: return null;
            default: Error(field, "must be a list", node); return null;
        }
    }

    public string? Str(YNode? node, string field)
    {
        switch (node)
        {
            case null: return null;
            case YScalar { IsNull: true }: return null;
            case YScalar s: return s.Value;
            default: Error(field, "must be a string", node); return null;
        }
    }

    public bool? Bool(YNode? node, string field)
    {
        var text = Str(node, field);
        if (text is null) return null;
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "on": return true;
            case "false" or "no" or "off": return false;
            default: Error(field, $"must be a boolean, not \"{text}\"", node); return null;
        }
    }

    public long? Long(YNode? node, string field)
    {
        var text = Str(node, field);
        if (text is null) return null;
        if (TryParseInt(text, out var value)) return value;
        Error(field, $"must be an integer, not \"{text}\"", node);
        return null;
    }

    public int? Int(YNode? node, string field)
    {
        var value = Long(node, field);
        if (value is null) return null;
        if (value is >= int.MinValue and <= int.MaxValue) return (int)value.Value;
        Error(field, $"integer {value} is out of range", node);
        return null;
    }

    public double? Double(YNode? node, string field)
    {
        var text = Str(node, field);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        Error(field, $"must be a number, not \"{text}\"", node);
        return null;
    }

    public TimeSpan? Duration(YNode? node, string field)
    {
        var text = Str(node, field);
        if (text is null) return null;
        if (Units.TryParseDuration(text, out var value)) return value;
        Error(field, $"invalid duration \"{text}\"", node);
        return null;
    }

    public long? Bytes(YNode? node, string field)
    {
        var text = Str(node, field);
        if (text is null) return null;
        if (Units.TryParseBytes(text, out var value)) return value;
        Error(field, $"invalid size \"{text}\"", node);
        return null;
    }

    /// <summary>A list of strings; a single string is accepted as a one-element list.</summary>
    public ImmutableArray<string> StrList(YNode? node, string field, bool allowSingle = true)
    {
        switch (node)
        {
            case null or YScalar { IsNull: true }: return [];
            case YScalar s when allowSingle: return [s.Value];
            case YSequence seq:
                var items = ImmutableArray.CreateBuilder<string>();
                for (var i = 0; i < seq.Items.Length; i++)
                {
                    if (Str(seq.Items[i], $"{field}[{i}]") is { } v) items.Add(v);
                }
                return items.ToImmutable();
            default: Error(field, "must be a list of strings", node); return [];
        }
    }

    /// <summary>A map of strings, from the map syntax or the <c>KEY=VALUE</c> list syntax.</summary>
    public ImmutableSortedDictionary<string, string?> NullableStrMap(YNode? node, string field)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        switch (node)
        {
            case null or YScalar { IsNull: true }: break;
            case YMapping map:
                foreach (var entry in map.Entries) result[entry.Name] = Str(entry.Value, $"{field}.{entry.Name}");
                break;
            case YSequence seq:
                for (var i = 0; i < seq.Items.Length; i++)
                {
                    if (Str(seq.Items[i], $"{field}[{i}]") is not { } item) continue;
                    var eq = item.IndexOf('=');
                    if (eq < 0) result[item] = null;
                    else result[item[..eq]] = item[(eq + 1)..];
                }
                break;
            default: Error(field, "must be a mapping or a list", node); break;
        }
        return Maps.From(result);
    }

    public ImmutableSortedDictionary<string, string> StrMap(YNode? node, string field) =>
        Maps.From(NullableStrMap(node, field).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value ?? "")));

    public Extensions Extensions(YMapping? map) => Plain(map, name => name.StartsWith("x-", StringComparison.Ordinal));

    /// <summary>The entries of <paramref name="map"/> whose key passes <paramref name="include"/> as plain data, with their positions.</summary>
    public static Extensions Plain(YMapping? map, Func<string, bool> include) =>
        map is null ? Model.Extensions.None : new Extensions(Maps.From(map.Entries
            .Where(e => include(e.Name))
            .Select(e => new KeyValuePair<string, object?>(e.Name, PlainData(e.Value)))))
        {
            Locations = FieldPaths.Of(map, e => include(e.Name)),
        };

    public static object? PlainData(YNode node) => node switch
    {
        YScalar { Kind: ScalarKind.Null } => null,
        YScalar { Kind: ScalarKind.Bool } s => s.Value.Equals("true", StringComparison.OrdinalIgnoreCase),
        YScalar { Kind: ScalarKind.Int } s => TryParseInt(s.Value, out var l) ? l : s.Value,
        YScalar { Kind: ScalarKind.Float } s => ParseFloat(s.Value),
        YScalar s => s.Value,
        YSequence seq => seq.Items.Select(PlainData).ToImmutableArray(),
        YMapping map => Maps.From(map.Entries.Select(e => new KeyValuePair<string, object?>(e.Name, PlainData(e.Value)))),
        _ => null,
    };

    private static object ParseFloat(string text)
    {
        var t = text.TrimStart('+');
        if (t.Equals(".inf", StringComparison.OrdinalIgnoreCase)) return double.PositiveInfinity;
        if (t.Equals("-.inf", StringComparison.OrdinalIgnoreCase)) return double.NegativeInfinity;
        if (t.Equals(".nan", StringComparison.OrdinalIgnoreCase)) return double.NaN;
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : text;
    }

    public static bool TryParseInt(string text, out long value)
    {
        if (text.StartsWith("0x", StringComparison.Ordinal))
            return long.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
        if (text.StartsWith("0o", StringComparison.Ordinal))
        {
            value = 0;
            foreach (var c in text.AsSpan(2))
            {
                if (c is < '0' or > '7' || value > long.MaxValue / 8) return false;
                value = value * 8 + (c - '0');
            }
            return text.Length > 2;
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
