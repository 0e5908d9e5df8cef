using ComposeEcs.Aws;
using ComposeEcs.CloudFormation;

namespace ComposeEcs.Deploy;

/// <summary>What <c>up</c> hands CloudFormation: the template inline or by S3 URL.</summary>
/// <param name="Uploads">How many templates were uploaded to S3.</param>
public sealed record PublishedTemplate(string Body, string? Url, bool HasNestedStacks, int Uploads);

/// <summary>Makes a converted template deployable whatever its size (see <see cref="TemplateStaging"/>).</summary>
public static class TemplatePublisher
{
    public static async Task<PublishedTemplate> PublishAsync(AwsContext aws, string stackName, MapExpr tree, CancellationToken cancellationToken)
    {
        using var staging = new TemplateStaging(aws);
        var staged = await staging.StageAsync(stackName, TemplateWriter.ToCompactJson(tree), cancellationToken).ConfigureAwait(false);
        return new PublishedTemplate(staged.Body, staged.Url, false, staging.Uploads);
    }
}
