using System.Text;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>
/// CloudFormation's quotas on what a request may carry, refused with its messages: the template comes from
/// TemplateBody (at most 51,200 bytes) or from an S3 TemplateURL (at most 1,000,000 bytes), holds at most 500
/// resources, 200 parameters and 200 outputs ("AWS CloudFormation quotas"), and each parameter value is at most 4,096 bytes.
/// </summary>
internal static class TemplateQuotas
{
    public const int MaxTemplateUrlBytes = 1_000_000;
    public const int MaxResources = 500;
    public const int MaxParameters = 200;
    public const int MaxOutputs = 200;
    public const int MaxParameterValueBytes = 4_096;

    /// <summary>The template text of a request: its TemplateBody, or the S3 object its TemplateURL names.</summary>
    public static string? Body(QueryParams form, Func<string, byte[]?> readUrl)
    {
        var url = form.Get("TemplateURL");
        if (url is null) return form.Get("TemplateBody");
        if (form.Get("TemplateBody") is not null)
            throw AwsError.Validation("Specify exactly one of TemplateBody or TemplateUrl.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            throw AwsError.Validation("TemplateURL must be a supported URL.");
        var bytes = readUrl(url) ?? throw AwsError.Validation(
            "S3 error: Access Denied For more information check http://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html");
        if (bytes.Length > MaxTemplateUrlBytes)
            throw AwsError.Validation($"Template may not exceed {MaxTemplateUrlBytes} bytes in size.");
        return Encoding.UTF8.GetString(bytes);
    }

    public static void CheckCounts(Template template)
    {
        if (template.Resources.Count > MaxResources)
            throw AwsError.Validation($"Template format error: Number of resources, {template.Resources.Count}, is greater than maximum allowed, {MaxResources}");
        if (template.Parameters.Count > MaxParameters)
            throw AwsError.Validation($"Template format error: Parameter count {template.Parameters.Count} is greater than max allowed {MaxParameters}");
        if (template.Outputs.Count > MaxOutputs)
            throw AwsError.Validation($"Template format error: Outputs count {template.Outputs.Count} is greater than max allowed {MaxOutputs}");
    }

    /// <summary>
    /// The 4,096 bytes are CloudFormation's documented quota ("Parameter value", AWS CloudFormation quotas). The wording
    /// of the refusal is not documented: the API reference gives <c>Parameter.ParameterValue</c> no length constraint,
    /// so this is not the SDK-model message ("Member must have length less than or equal to ...") AWS gives for the
    /// 51,200-byte TemplateBody, but a plain ValidationError naming the parameter (never its value, which may be secret).
    /// </summary>
    public static void CheckParameterValues(IReadOnlyList<(string Key, string? Value, bool UsePrevious)> given)
    {
        for (var i = 0; i < given.Count; i++)
            if (given[i].Value is { } value && Encoding.UTF8.GetByteCount(value) > MaxParameterValueBytes)
                throw AwsError.Validation(
                    $"Parameter '{given[i].Key}' has a value of {Encoding.UTF8.GetByteCount(value)} bytes; a parameter value may be at most {MaxParameterValueBytes} bytes");
    }
}
