using ComposeEcs.Aws;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Nesting;

namespace ComposeEcs.Deploy;

/// <summary>What <c>up</c> hands CloudFormation: the template inline or by S3 URL.</summary>
/// <param name="HasNestedStacks">The project was split (<see cref="StackSplit"/>); the change set includes the nested stacks.</param>
/// <param name="Uploads">How many templates were uploaded to S3.</param>
public sealed record PublishedTemplate(string Body, string? Url, bool HasNestedStacks, int Uploads);

/// <summary>
/// Makes a converted template deployable whatever its size: past one stack's quotas it is split into nested stacks
/// whose templates go to S3 (CloudFormation takes them only by URL); a parent over the TemplateBody limit goes there
/// too (see <see cref="TemplateStaging"/>).
/// </summary>
public static class TemplatePublisher
{
    public static async Task<PublishedTemplate> PublishAsync(AwsContext aws, string stackName, MapExpr tree, CancellationToken cancellationToken)
    {
        using var staging = new TemplateStaging(aws);
        var nested = StackSplit.IsNeeded(tree) ? StackSplit.Split(tree) : null;
        if (nested is not null)
        {
            var urls = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var child in nested.Children)
                urls[child.LogicalId] = await staging.UploadAsync(stackName, TemplateWriter.ToCompactJson(child.Template), cancellationToken).ConfigureAwait(false);
            tree = nested.ParentWithUrls(urls);
        }
        var staged = await staging.StageAsync(stackName, TemplateWriter.ToCompactJson(tree), cancellationToken).ConfigureAwait(false);
        return new PublishedTemplate(staged.Body, staged.Url, nested is not null, staging.Uploads);
    }
}
