namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>The checks CloudFormation makes before a change set exists, with its messages.</summary>
internal static partial class TemplateValidator
{
    [System.Text.RegularExpressions.GeneratedRegex("^[a-zA-Z][-a-zA-Z0-9]{0,127}$")]
    private static partial System.Text.RegularExpressions.Regex NamePattern();

    public static void CheckNames(string stackName, string changeSetName)
    {
        if (!NamePattern().IsMatch(stackName) && !stackName.StartsWith("arn:", StringComparison.Ordinal))
            throw AwsError.Validation($"1 validation error detected: Value '{stackName}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*");
        if (!NamePattern().IsMatch(changeSetName))
            throw AwsError.Validation($"1 validation error detected: Value '{changeSetName}' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*");
    }

    public static Template Validate(string? body, int maxBytes)
    {
        if (string.IsNullOrWhiteSpace(body))
            throw AwsError.Validation("Either Template URL or Template Body must be specified.");
        if (System.Text.Encoding.UTF8.GetByteCount(body) > maxBytes)
            throw AwsError.Validation($"1 validation error detected: Value '{body[..Math.Min(20, body.Length)]}...' at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to {maxBytes}");
        var template = Template.Parse(body);

        var unknown = template.Resources.Values.Select(r => r.Type).Where(t => !ResourceTypes.IsKnown(t)).Distinct().ToList();
        if (unknown.Count > 0)
            throw AwsError.Validation($"Template format error: Unrecognized resource types: [{string.Join(", ", unknown)}]");

        var getAtts = template.Resources.Values.SelectMany(r => TemplateGraph.GetAtts(r.Properties))
            .Concat(TemplateGraph.GetAtts(template.Outputs)).ToList();
        if (getAtts.FirstOrDefault(g => !template.Resources.ContainsKey(g.Resource)) is { Resource: not null } undefined)
            throw AwsError.Validation($"Template error: instance of Fn::GetAtt references undefined resource {undefined.Resource}");
        foreach (var (resource, attribute) in getAtts)
            if (!ResourceTypes.SupportsAttribute(template.Resources[resource].Type, attribute))
                throw AwsError.Validation($"Template error: resource {resource} does not support attribute type {attribute} in Fn::GetAtt");

        var unresolved = template.Resources.Values
            .SelectMany(r => TemplateGraph.References(r.Properties).Concat(r.DependsOn))
            .Where(name => !Defined(template, name))
            .Distinct()
            .ToList();
        if (unresolved.Count > 0)
            throw AwsError.Validation($"Template format error: Unresolved resource dependencies [{string.Join(", ", unresolved)}] in the Resources block of the template");

        var unresolvedOutputs = TemplateGraph.References(template.Outputs).Where(name => !Defined(template, name)).ToList();
        if (unresolvedOutputs.Count > 0)
            throw AwsError.Validation($"Template format error: Unresolved resource dependencies [{string.Join(", ", unresolvedOutputs)}] in the Outputs block of the template");

        foreach (var resource in template.Resources.Values)
            if (resource.Condition is { } c && !template.Conditions.ContainsKey(c))
                throw AwsError.Validation($"Template format error: Unresolved dependencies [{c}]. Cannot reference resources in the Conditions block of the template");

        TemplateGraph.CreationOrder(template);
        return template;
    }

    private static bool Defined(Template template, string name) =>
        TemplateGraph.IsPseudo(name) || template.Resources.ContainsKey(name) || template.Parameters.ContainsKey(name);

    public static void CheckCapabilities(Template template, IReadOnlyCollection<string> capabilities)
    {
        var needed = ResourceTypes.RequiredCapability(template);
        if (needed is null || capabilities.Contains("CAPABILITY_NAMED_IAM")) return;
        if (needed == "CAPABILITY_IAM" && capabilities.Contains("CAPABILITY_IAM")) return;
        throw new AwsError("InsufficientCapabilities", $"Requires capabilities : [{needed}]");
    }

    /// <summary>
    /// Values as Ref sees them: a parameter of type AWS::SSM::Parameter::Value&lt;...&gt; holds a parameter store name,
    /// which CloudFormation replaces by that parameter's value (and refuses when it does not exist).
    /// </summary>
    public static Dictionary<string, string> ResolveSsmParameters(Template template, IReadOnlyDictionary<string, string> values, Func<string, string?> ssm)
    {
        var resolved = new Dictionary<string, string>(values, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (name, value) in values)
        {
            if (template.Parameters.GetValueOrDefault(name)?.Type.StartsWith("AWS::SSM::Parameter::Value<", StringComparison.Ordinal) != true) continue;
            if (ssm(value) is { } v) resolved[name] = v;
            else missing.Add(value);
        }
        if (missing.Count > 0)
            throw AwsError.Validation($"Unable to fetch parameters [{string.Join(",", missing)}] from parameter store for this account.");
        return resolved;
    }

    /// <summary>Final parameter values: given, previous (UsePreviousValue) or default; unknown and missing ones rejected.</summary>
    public static Dictionary<string, string> ResolveParameters(Template template, IReadOnlyList<(string Key, string? Value, bool UsePrevious)> given,
        IReadOnlyDictionary<string, string>? previous)
    {
        var unknown = given.Select(g => g.Key).Where(k => !template.Parameters.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
            throw AwsError.Validation($"Parameters: [{string.Join(", ", unknown)}] do not exist in the template");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in template.Parameters.Values)
        {
            var g = given.FirstOrDefault(x => x.Key == p.Name);
            if (g.Key is not null && g.UsePrevious)
                values[p.Name] = previous?.GetValueOrDefault(p.Name)
                    ?? throw AwsError.Validation($"Invalid input for parameter key {p.Name}. Cannot specify usePreviousValue as true for a parameter key not in the previous template");
            else if (g.Key is not null && g.Value is not null) values[p.Name] = g.Value;
            else if (p.Default is not null) values[p.Name] = p.Default;
        }
        foreach (var p in template.Parameters.Values)
            if (p.AllowedValues.Count > 0 && values.TryGetValue(p.Name, out var value) && !p.AllowedValues.Contains(value))
                throw AwsError.Validation($"Parameter '{p.Name}' must be one of AllowedValues");
        var missing = template.Parameters.Keys.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw AwsError.Validation($"Parameters: [{string.Join(", ", missing)}] must have values");
        return values;
    }
}
