using System.Text;

namespace ComposeEcs.Deploy;

/// <summary>CloudFormation's limits on what <c>up</c> sends, checked before anything is created.</summary>
public static class TemplateLimits
{
    /// <summary>The largest TemplateBody CloudFormation accepts inline (bigger ones need an S3 TemplateURL).</summary>
    public const int MaxTemplateBodyBytes = 51_200;

    /// <summary>Null when the body fits, else the one-line error.</summary>
    public static string? Check(string templateBody)
    {
        var bytes = Encoding.UTF8.GetByteCount(templateBody);
        return bytes <= MaxTemplateBodyBytes
            ? null
            : $"the template is {bytes:N0} bytes, over CloudFormation's {MaxTemplateBodyBytes:N0}-byte TemplateBody limit; uploading it to S3 is not supported yet";
    }
}
