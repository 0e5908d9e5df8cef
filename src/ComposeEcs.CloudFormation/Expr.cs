using System.Collections.Immutable;
using System.Globalization;

namespace ComposeEcs.CloudFormation;

/// <summary>
/// A template value: the plain JSON-like tree every writer, the graph check and the overlay merge work on.
/// Intrinsic functions are ordinary one-key maps (<c>{ "Ref": "X" }</c>) built by <see cref="Fn"/>.
/// </summary>
public abstract record Expr
{
    public static implicit operator Expr(string value) => new Str(value);
    public static implicit operator Expr(int value) => new Num(value.ToString(CultureInfo.InvariantCulture));
    public static implicit operator Expr(long value) => new Num(value.ToString(CultureInfo.InvariantCulture));
    public static implicit operator Expr(double value) => new Num(value.ToString("R", CultureInfo.InvariantCulture));
    public static implicit operator Expr(bool value) => new Bool(value);

    /// <summary>Compact JSON-like text, for test failures and debugging; use <see cref="TemplateWriter"/> for output.</summary>
    public sealed override string ToString() => this switch
    {
        Str s => System.Text.Json.JsonSerializer.Serialize(s.Value, ExprJsonContext.Default.String),
        Num n => n.Text,
        Bool b => b.Value ? "true" : "false",
        Null => "null",
        ListExpr l => $"[{string.Join(", ", l.Items)}]",
        MapExpr m => $"{{{string.Join(", ", m.Entries.Select(e => $"{new Str(e.Key)}: {e.Value}"))}}}",
        _ => GetType().Name,
    };
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class ExprJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

public sealed record Str(string Value) : Expr;

/// <summary>A number kept as its invariant text so output is exact and deterministic.</summary>
public sealed record Num(string Text) : Expr;

public sealed record Bool(bool Value) : Expr;

public sealed record Null : Expr
{
    public static readonly Null Instance = new();
}

public sealed record ListExpr(ImmutableArray<Expr> Items) : Expr
{
    public ListExpr(params Expr[] items) : this(ImmutableArray.Create(items)) { }

    public bool Equals(ListExpr? other) => other is not null && Items.SequenceEqual(other.Items);
    public override int GetHashCode() => Items.Length;
}

/// <summary>An object whose entries keep the order they were given in; writers print them in that order.</summary>
public sealed record MapExpr(ImmutableArray<KeyValuePair<string, Expr>> Entries) : Expr
{
    public static readonly MapExpr Empty = new(ImmutableArray<KeyValuePair<string, Expr>>.Empty);

    public MapExpr(params (string Key, Expr Value)[] entries)
        : this(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)).ToImmutableArray()) { }

    public Expr? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    public bool Equals(MapExpr? other) => other is not null && Entries.SequenceEqual(other.Entries);
    public override int GetHashCode() => Entries.Length;
}
