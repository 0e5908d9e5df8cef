using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace ComposeEcs.FakeAws.Services;

/// <summary>A bucket as the emulator keeps it: its configuration documents (by sub-resource) and objects.</summary>
public sealed record FakeBucket(string Name, string Owner, IReadOnlyDictionary<string, string> Configuration, IReadOnlyDictionary<string, byte[]> Objects);

/// <summary>
/// S3 (REST-XML, path-style only: <c>/bucket</c>, <c>/bucket/key</c>): CreateBucket, HeadBucket, the bucket
/// configuration calls compose-ecs makes (?publicAccessBlock, ?encryption, ?lifecycle — the last refused without a
/// Content-MD5 or x-amz-checksum-* header, as S3 does), PutObject, GetObject, HeadObject. Errors are S3's XML.
/// CloudFormation reads templates back through <see cref="ReadUrl"/>.
/// </summary>
internal sealed partial class S3Api(string region, string accountId)
{
    private static readonly string[] ConfigurationCalls = ["publicAccessBlock", "encryption", "lifecycle", "ownershipControls", "tagging"];
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (Dictionary<string, string> Configuration, Dictionary<string, byte[]> Objects)> _buckets = new(StringComparer.Ordinal);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketPattern();

    public IReadOnlyList<FakeBucket> Buckets
    {
        get
        {
            lock (_lock)
                return _buckets.Select(b => new FakeBucket(b.Key, accountId, new Dictionary<string, string>(b.Value.Configuration),
                    b.Value.Objects.ToDictionary(o => o.Key, o => o.Value.ToArray()))).ToList();
        }
    }

    /// <summary>The action name as AWS's SDKs call it, for the request log.</summary>
    public static string ActionOf(HttpRequest request)
    {
        var (bucket, key) = Split(request.Path.Value ?? "/");
        var sub = ConfigurationCalls.FirstOrDefault(request.Query.ContainsKey);
        return (request.Method, bucket.Length > 0, key.Length > 0, sub) switch
        {
            ("PUT", true, false, null) => "CreateBucket",
            ("PUT", true, false, "publicAccessBlock") => "PutPublicAccessBlock",
            ("PUT", true, false, "encryption") => "PutBucketEncryption",
            ("PUT", true, false, "lifecycle") => "PutBucketLifecycleConfiguration",
            ("PUT", true, false, { } other) => "PutBucket" + char.ToUpperInvariant(other[0]) + other[1..],
            ("HEAD", true, false, _) => "HeadBucket",
            ("PUT", true, true, _) => "PutObject",
            ("GET", true, true, _) => "GetObject",
            ("HEAD", true, true, _) => "HeadObject",
            _ => request.Method + "Unknown",
        };
    }

    public async Task HandleAsync(HttpContext context, byte[] body, string requestId)
    {
        var request = context.Request;
        var (bucket, key) = Split(request.Path.Value ?? "/");
        context.Response.Headers["x-amz-request-id"] = requestId;
        try
        {
            var owner = request.Headers["x-amz-expected-bucket-owner"].ToString();
            var action = ActionOf(request);
            if (action != "CreateBucket" && owner.Length > 0 && owner != accountId && Exists(bucket))
                throw new S3Error(403, "AccessDenied", "Access Denied");
            byte[]? answer = action switch
            {
                "CreateBucket" => CreateBucket(bucket, body),
                "HeadBucket" => Head(bucket),
                "PutObject" => PutObject(bucket, key, body),
                "GetObject" or "HeadObject" => GetObject(bucket, key),
                _ when action.StartsWith("PutBucket", StringComparison.Ordinal) || action == "PutPublicAccessBlock" =>
                    Configure(bucket, ConfigurationCalls.First(request.Query.ContainsKey), request, body),
                _ => throw new S3Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource."),
            };
            context.Response.StatusCode = 200;
            if (request.Method == "GET" && answer is not null) await context.Response.Body.WriteAsync(answer, context.RequestAborted);
        }
        catch (S3Error e)
        {
            context.Response.StatusCode = e.Status;
            context.Response.ContentType = "application/xml";
            if (request.Method == "HEAD") return;
            var xml = new XElement("Error", new XElement("Code", e.Code), new XElement("Message", e.Message),
                bucket.Length > 0 ? new XElement("BucketName", bucket) : null, new XElement("RequestId", requestId));
            await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
        }
    }

    /// <summary>The object a TemplateURL names (path-style on this endpoint, or virtual-hosted on amazonaws.com), or null.</summary>
    public byte[]? ReadUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        string bucket, key;
        var host = uri.Host.Split('.');
        if (host.Length > 3 && uri.Host.EndsWith(".amazonaws.com", StringComparison.Ordinal) && host[1].StartsWith("s3", StringComparison.Ordinal))
            (bucket, key) = (host[0], Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')));
        else
            (bucket, key) = Split(uri.AbsolutePath);
        lock (_lock)
            return _buckets.TryGetValue(bucket, out var b) && b.Objects.TryGetValue(key, out var data) ? data : null;
    }

    private byte[]? CreateBucket(string bucket, byte[] body)
    {
        if (!BucketPattern().IsMatch(bucket) || bucket.Contains("..", StringComparison.Ordinal))
            throw new S3Error(400, "InvalidBucketName", "The specified bucket is not valid.");
        var location = body.Length > 0 ? XDocument.Parse(Encoding.UTF8.GetString(body)).Descendants().FirstOrDefault(e => e.Name.LocalName == "LocationConstraint")?.Value : null;
        if ((location ?? "us-east-1") != region)
            throw new S3Error(400, "IllegalLocationConstraintException",
                $"The {location ?? "unspecified"} location constraint is incompatible for the region specific endpoint this request was sent to.");
        lock (_lock)
        {
            // us-east-1 answers 200 to its owner's repeated CreateBucket; every other region BucketAlreadyOwnedByYou.
            if (_buckets.ContainsKey(bucket) && region != "us-east-1")
                throw new S3Error(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.");
            _buckets.TryAdd(bucket, (new(StringComparer.Ordinal), new(StringComparer.Ordinal)));
        }
        return null;
    }

    private byte[]? Configure(string bucket, string sub, HttpRequest request, byte[] body)
    {
        Require(bucket);
        if (sub == "lifecycle" && !request.Headers.ContainsKey("Content-MD5") && !request.Headers.Keys.Any(h => h.StartsWith("x-amz-checksum-", StringComparison.OrdinalIgnoreCase)))
            throw new S3Error(400, "InvalidRequest", "Missing required header for this request: Content-MD5");
        try
        {
            XDocument.Parse(Encoding.UTF8.GetString(body));
        }
        catch (System.Xml.XmlException)
        {
            throw new S3Error(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
        }
        lock (_lock) _buckets[bucket].Configuration[sub] = Encoding.UTF8.GetString(body);
        return null;
    }

    private byte[]? PutObject(string bucket, string key, byte[] body)
    {
        Require(bucket);
        lock (_lock) _buckets[bucket].Objects[key] = body;
        return null;
    }

    private byte[] GetObject(string bucket, string key)
    {
        Require(bucket);
        lock (_lock)
            return _buckets[bucket].Objects.TryGetValue(key, out var data) ? data : throw new S3Error(404, "NoSuchKey", "The specified key does not exist.");
    }

    private byte[]? Head(string bucket)
    {
        Require(bucket);
        return null;
    }

    private bool Exists(string bucket) { lock (_lock) return _buckets.ContainsKey(bucket); }

    private string Require(string bucket) =>
        Exists(bucket) ? bucket : throw new S3Error(404, "NoSuchBucket", "The specified bucket does not exist");

    private static (string Bucket, string Key) Split(string path)
    {
        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/');
        return slash < 0 ? (trimmed, "") : (trimmed[..slash], Uri.UnescapeDataString(trimmed[(slash + 1)..]));
    }

    private sealed class S3Error(int status, string code, string message) : Exception(message)
    {
        public int Status { get; } = status;
        public string Code { get; } = code;
    }
}
