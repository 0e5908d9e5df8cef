using System.Security.Cryptography;
using System.Text;
using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;

namespace ComposeEcs.Deploy;

/// <summary>How a template reaches CloudFormation: inline (<see cref="Body"/>) or from S3 (<see cref="Url"/>).</summary>
public sealed record StagedTemplate(string Body, string? Url)
{
    public bool Uploaded => Url is not null;
}

/// <summary>
/// Puts templates where CloudFormation can read them: a body up to <see cref="TemplateLimits.MaxTemplateBodyBytes"/>
/// goes inline, a bigger one (and every nested stack's template, which CloudFormation only takes by URL) into the
/// account's <see cref="TemplateBucket"/> under <c>templates/&lt;stack&gt;/&lt;sha256&gt;.json</c>. Keys are content
/// addressed, so an unchanged nested template keeps its URL and CloudFormation sees nothing to change there.
/// </summary>
public sealed class TemplateStaging(AwsContext aws) : IDisposable
{
    private TemplateBucket? _bucket;

    /// <summary>How many templates went to S3.</summary>
    public int Uploads { get; private set; }

    public async Task<StagedTemplate> StageAsync(string stackName, string body, CancellationToken cancellationToken) =>
        Encoding.UTF8.GetByteCount(body) <= TemplateLimits.MaxTemplateBodyBytes
            ? new StagedTemplate(body, null)
            : new StagedTemplate(body, await UploadAsync(stackName, body, cancellationToken).ConfigureAwait(false));

    /// <summary>Uploads the template whatever its size; returns its URL.</summary>
    public async Task<string> UploadAsync(string stackName, string body, CancellationToken cancellationToken)
    {
        if (_bucket is null)
        {
            var identity = await aws.Sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
            _bucket = new TemplateBucket(aws, identity.Account);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        Uploads++;
        return await _bucket.UploadAsync($"{TemplateBucket.KeyPrefix}{stackName}/{hash}.json", body, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _bucket?.Dispose();
}
