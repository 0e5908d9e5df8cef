using System.Text;
using ComposeEcs.CloudFormation;

namespace ComposeEcs.Deploy;

/// <summary>CloudFormation's limits on what <c>up</c> sends, checked before anything is created.</summary>
public static class TemplateLimits
{
    /// <summary>The largest TemplateBody CloudFormation accepts inline (bigger ones go through S3, see <see cref="TemplateStaging"/>).</summary>
    public const int MaxTemplateBodyBytes = 51_200;

    /// <summary>The most resources one stack may hold.</summary>
    public const int MaxResources = 500;

    /// <summary>Null when the body fits, else the one-line error.</summary>
    public static string? Check(string templateBody)
    {
        var bytes = Encoding.UTF8.GetByteCount(templateBody);
        return bytes <= MaxTemplateBodyBytes
            ? null
            : $"the template is {bytes:N0} bytes, over CloudFormation's {MaxTemplateBodyBytes:N0}-byte TemplateBody limit: `up` uploads it to S3";
    }

    /// <summary>Every limit the template breaks, as one-line messages: the size of its body (compact JSON) and its resource count.</summary>
    public static IEnumerable<string> Problems(MapExpr tree, string templateBody)
    {
        if (Check(templateBody) is { } tooBig) yield return tooBig;
        var resources = (tree["Resources"] as MapExpr)?.Entries.Length ?? 0;
        if (resources > MaxResources)
            yield return $"the template has {resources} resources, over CloudFormation's {MaxResources}-resource limit for one stack";
    }
}
