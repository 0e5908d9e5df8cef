namespace ComposeEcs.CloudFormation;

/// <summary>Intrinsic functions and pseudo parameters, built as the long-form maps CloudFormation reads.</summary>
public static class Fn
{
    public static Expr Ref(string logicalId) => One("Ref", logicalId);
    public static Expr GetAtt(string logicalId, string attribute) => One("Fn::GetAtt", new ListExpr(logicalId, attribute));
    public static Expr Sub(string template) => One("Fn::Sub", template);
    public static Expr Sub(string template, MapExpr variables) => One("Fn::Sub", new ListExpr(template, variables));
    public static Expr Join(string delimiter, params Expr[] items) => One("Fn::Join", new ListExpr(delimiter, new ListExpr(items)));
    public static Expr Join(string delimiter, Expr list) => One("Fn::Join", new ListExpr(delimiter, list));
    public static Expr If(string condition, Expr whenTrue, Expr whenFalse) => One("Fn::If", new ListExpr(condition, whenTrue, whenFalse));
    public static Expr Select(int index, Expr list) => One("Fn::Select", new ListExpr(index.ToString(System.Globalization.CultureInfo.InvariantCulture), list));
    public static Expr GetAZs(Expr region) => One("Fn::GetAZs", region);
    public static Expr Split(string delimiter, Expr source) => One("Fn::Split", new ListExpr(delimiter, source));
    public static Expr Base64(Expr value) => One("Fn::Base64", value);
    public static Expr Equal(Expr left, Expr right) => One("Fn::Equals", new ListExpr(left, right));
    public static Expr Not(Expr condition) => One("Fn::Not", new ListExpr(condition));
    public static Expr And(params Expr[] conditions) => One("Fn::And", new ListExpr(conditions));
    public static Expr Or(params Expr[] conditions) => One("Fn::Or", new ListExpr(conditions));
    public static Expr Condition(string name) => One("Condition", name);

    /// <summary>True for a one-key map whose key is <c>Ref</c> or starts with <c>Fn::</c>: an intrinsic function call.</summary>
    public static bool IsFunction(MapExpr map) =>
        map.Entries.Length == 1 && map.Entries[0].Key is var key
        && (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal));

    private static MapExpr One(string key, Expr value) => new((key, value));
}

public static class Pseudo
{
    public static readonly Expr AccountId = Fn.Ref("AWS::AccountId");
    public static readonly Expr Region = Fn.Ref("AWS::Region");
    public static readonly Expr Partition = Fn.Ref("AWS::Partition");
    public static readonly Expr StackName = Fn.Ref("AWS::StackName");
    public static readonly Expr StackId = Fn.Ref("AWS::StackId");
    public static readonly Expr UrlSuffix = Fn.Ref("AWS::URLSuffix");
    public static readonly Expr NoValue = Fn.Ref("AWS::NoValue");

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::AccountId", "AWS::Region", "AWS::Partition", "AWS::StackName", "AWS::StackId", "AWS::URLSuffix",
        "AWS::NoValue", "AWS::NotificationARNs",
    };
}
