namespace ComposeEcs.CloudFormation;

/// <summary>
/// Writes a template tree as YAML or JSON. Both are deterministic (the same tree gives the same bytes), use
/// <c>\n</c> line endings and end with a newline; map entries keep the tree's order.
/// </summary>
public static class TemplateWriter
{
    /// <summary>
    /// Block-style YAML with two-space indents and long-form intrinsics (<c>Ref: X</c>, <c>Fn::GetAtt:</c> with a list).
    /// Strings any YAML 1.1 or 1.2 parser could read as something else (<c>"on"</c>, <c>"080"</c>, <c>"2010-09-09"</c>,
    /// <c>""</c>, ...) are double-quoted; multi-line strings are literal blocks when they fit one, else double-quoted.
    /// </summary>
    public static string ToYaml(Expr tree) => YamlWriter.Write(tree);

    /// <summary>Two-space indented JSON; <see cref="Num"/> text is written as is, so it must be a valid JSON number.</summary>
    public static string ToJson(Expr tree) => JsonWriter.Write(tree);

    /// <summary>JSON without whitespace, for CloudFormation's <c>TemplateBody</c> (limited to 51,200 bytes).</summary>
    public static string ToCompactJson(Expr tree) => JsonWriter.Write(tree, indented: false);

    public static string ToYaml(this Template template) => ToYaml(template.ToTree());
    public static string ToJson(this Template template) => ToJson(template.ToTree());
}
