using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ComposeEcs.Aws.Credentials;
using ComposeEcs.Aws.Endpoints;

namespace ComposeEcs.Aws.Clients;

/// <summary>
/// The S3 bucket compose-ecs keeps CloudFormation templates in: one per account and region,
/// <c>compose-ecs-&lt;account&gt;-&lt;region&gt;</c>, so every user of the account finds the same one. Created on first
/// need with default encryption (SSE-S3), every public access blocked, bucket-owner-enforced object ownership and a
/// lifecycle rule that expires templates after <see cref="ExpirationDays"/> days (CloudFormation reads a
/// TemplateURL when the change set is created and keeps its own copy; nested stacks read theirs when it runs).
/// Uses AWSSDK.S3 (it passes the AOT analyzers) with our credentials, region and endpoint: with an endpoint override
/// (--endpoint-url, AWS_ENDPOINT_URL[_S3]) requests go path-style to it, as emulators expect.
/// </summary>
public sealed class TemplateBucket : IDisposable
{
    public const int ExpirationDays = 7;
    public const string KeyPrefix = "templates/";

    private readonly AmazonS3Client _s3;
    private readonly Uri? _endpoint;
    private readonly string _region;

    public TemplateBucket(AwsContext aws, string accountId)
    {
        _region = aws.Region;
        AccountId = accountId;
        Name = NameFor(accountId, aws.Region);
        var endpoint = aws.Transport.EndpointFor(AwsService.S3);
        var config = new AmazonS3Config
        {
            // The SDK's default checksums would send aws-chunked bodies; CloudFormation templates are small and plain.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (endpoint != EndpointResolver.DefaultEndpoint(AwsService.S3, aws.Region))
        {
            _endpoint = endpoint;
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = aws.Region;
        }
        else
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(aws.Region);
        _s3 = new AmazonS3Client(new SdkCredentials(aws.Credentials), config);
    }

    public string Name { get; }

    public string AccountId { get; }

    /// <summary><c>compose-ecs-123456789012-us-east-1</c> (at most 63 characters for every region name AWS uses).</summary>
    public static string NameFor(string accountId, string region) => $"compose-ecs-{accountId}-{region}";

    /// <summary>Uploads the template (creating the bucket first if needed) and returns the URL CloudFormation reads.</summary>
    public async Task<string> UploadAsync(string key, string body, CancellationToken cancellationToken)
    {
        try
        {
            await PutAsync(key, body, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
        {
            await CreateAsync(cancellationToken).ConfigureAwait(false);
            await PutAsync(key, body, cancellationToken).ConfigureAwait(false);
        }
        return UrlOf(key);
    }

    public string UrlOf(string key) => _endpoint is { } endpoint
        ? $"{endpoint.ToString().TrimEnd('/')}/{Name}/{key}"
        : $"https://{Name}.s3.{_region}.amazonaws.com/{key}";

    private Task PutAsync(string key, string body, CancellationToken cancellationToken) => Call("PutObject", () => _s3.PutObjectAsync(new PutObjectRequest
    {
        BucketName = Name,
        Key = key,
        ContentBody = body,
        ContentType = "application/json",
        // Someone else's bucket of the same name must not receive our templates.
        ExpectedBucketOwner = AccountId,
        UseChunkEncoding = false,
    }, cancellationToken));

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _s3.PutBucketAsync(new PutBucketRequest
            {
                BucketName = Name,
                BucketRegion = _region == "us-east-1" ? null : S3Region.FindValue(_region),
                ObjectOwnership = ObjectOwnership.BucketOwnerEnforced,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "BucketAlreadyOwnedByYou")
        {
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "BucketAlreadyExists")
        {
            throw new AwsServiceException("s3", "CreateBucket", e.ErrorCode,
                $"the bucket name {Name} is taken by another AWS account; compose-ecs cannot store large templates in it", e.RequestId, e.StatusCode);
        }
        catch (AmazonS3Exception e)
        {
            throw new AwsServiceException("s3", "CreateBucket", e.ErrorCode ?? $"Http{(int)e.StatusCode}", e.Message, e.RequestId, e.StatusCode);
        }
        await Call("PutPublicAccessBlock", () => _s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = Name,
            ExpectedBucketOwner = AccountId,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
            {
                BlockPublicAcls = true, BlockPublicPolicy = true, IgnorePublicAcls = true, RestrictPublicBuckets = true,
            },
        }, cancellationToken)).ConfigureAwait(false);
        await Call("PutBucketEncryption", () => _s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = Name,
            ExpectedBucketOwner = AccountId,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules = [new ServerSideEncryptionRule
                {
                    ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256 },
                }],
            },
        }, cancellationToken)).ConfigureAwait(false);
        await Call("PutBucketLifecycleConfiguration", () => _s3.PutLifecycleConfigurationAsync(new PutLifecycleConfigurationRequest
        {
            BucketName = Name,
            ExpectedBucketOwner = AccountId,
            Configuration = new LifecycleConfiguration
            {
                Rules = [new LifecycleRule
                {
                    Id = "expire-old-templates",
                    Status = LifecycleRuleStatus.Enabled,
                    Filter = new LifecycleFilter { LifecycleFilterPredicate = new LifecyclePrefixPredicate { Prefix = KeyPrefix } },
                    Expiration = new LifecycleRuleExpiration { Days = ExpirationDays },
                    AbortIncompleteMultipartUpload = new LifecycleRuleAbortIncompleteMultipartUpload { DaysAfterInitiation = 1 },
                }],
            },
        }, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Turns the SDK's errors into ours (one line, no request body), keeping NoSuchBucket for the caller.</summary>
    private static async Task Call<T>(string action, Func<Task<T>> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode != "NoSuchBucket")
        {
            throw new AwsServiceException("s3", action, e.ErrorCode ?? $"Http{(int)e.StatusCode}", e.Message, e.RequestId, e.StatusCode);
        }
        catch (AmazonServiceException e) when (e.InnerException is HttpRequestException or TaskCanceledException)
        {
            throw new AwsNetworkException($"s3 {action} failed: {e.Message}", e);
        }
    }

    public void Dispose() => _s3.Dispose();

    /// <summary>Our credentials provider as the SDK's credentials (refreshed per request, like our own clients).</summary>
    private sealed class SdkCredentials(IAwsCredentialsProvider provider) : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

        public override async Task<ImmutableCredentials> GetCredentialsAsync()
        {
            var c = await provider.GetCredentialsAsync(CancellationToken.None).ConfigureAwait(false);
            return new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
        }
    }
}
