using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComposeEcs.Aws.Credentials;

namespace ComposeEcs.Aws.Signing;

/// <summary>
/// AWS Signature Version 4 as pure functions over a request description, so each step can be checked
/// against AWS's published test suite. Paths and queries are given as they appear on the wire.
/// </summary>
public static class SigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static string AmzDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string DateStamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Scope(DateTimeOffset time, string region, string service) => $"{DateStamp(time)}/{region}/{service}/aws4_request";

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <param name="headers">The headers to sign, in any order and case; repeated names are joined with commas.</param>
    public static string CanonicalRequest(
        string method, string path, string query, IEnumerable<KeyValuePair<string, string>> headers, string payloadHash)
    {
        var canonicalHeaders = CanonicalHeaders(headers);
        var builder = new StringBuilder()
            .Append(method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalPath(path)).Append('\n')
            .Append(CanonicalQuery(query)).Append('\n');
        foreach (var (name, value) in canonicalHeaders)
            builder.Append(name).Append(':').Append(value).Append('\n');
        return builder.Append('\n')
            .Append(SignedHeaders(canonicalHeaders)).Append('\n')
            .Append(payloadHash)
            .ToString();
    }

    public static string StringToSign(DateTimeOffset time, string region, string service, string canonicalRequest) =>
        $"{Algorithm}\n{AmzDate(time)}\n{Scope(time, region, service)}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";

    public static byte[] SigningKey(string secretAccessKey, DateTimeOffset time, string region, string service)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), DateStamp(time));
        key = Hmac(key, region);
        key = Hmac(key, service);
        return Hmac(key, "aws4_request");
    }

    /// <summary>The value of the Authorization header.</summary>
    public static string Authorization(
        AwsCredentials credentials, DateTimeOffset time, string region, string service,
        string method, string path, string query, IReadOnlyList<KeyValuePair<string, string>> headers, string payloadHash)
    {
        var canonical = CanonicalRequest(method, path, query, headers, payloadHash);
        var toSign = StringToSign(time, region, service, canonical);
        var signature = Convert.ToHexStringLower(Hmac(SigningKey(credentials.SecretAccessKey, time, region, service), toSign));
        var signed = SignedHeaders(CanonicalHeaders(headers));
        return $"{Algorithm} Credential={credentials.AccessKeyId}/{Scope(time, region, service)}, SignedHeaders={signed}, Signature={signature}";
    }

    public static IReadOnlyList<KeyValuePair<string, string>> CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers
            .GroupBy(h => h.Key.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, string.Join(',', g.Select(h => CollapseSpaces(h.Value)))))
            .ToList();

    private static string SignedHeaders(IEnumerable<KeyValuePair<string, string>> canonicalHeaders) =>
        string.Join(';', canonicalHeaders.Select(h => h.Key));

    /// <summary>Each segment URI-encoded (RFC 3986 unreserved characters kept); empty means "/".</summary>
    public static string CanonicalPath(string path)
    {
        if (string.IsNullOrEmpty(path))
            return "/";
        return string.Join('/', path.Split('/').Select(Encode));
    }

    /// <summary>Parameters decoded, re-encoded strictly, and sorted by name then value.</summary>
    public static string CanonicalQuery(string query)
    {
        var trimmed = query.StartsWith('?') ? query[1..] : query;
        if (trimmed.Length == 0)
            return "";
        var pairs = trimmed.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part =>
            {
                var eq = part.IndexOf('=');
                var name = eq < 0 ? part : part[..eq];
                var value = eq < 0 ? "" : part[(eq + 1)..];
                return (Name: Encode(Uri.UnescapeDataString(name)), Value: Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8 bytes, keeping only A-Z a-z 0-9 - _ . ~ (what AWS calls UriEncode).</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                builder.Append((char)b);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var c in value.Trim())
        {
            var isSpace = c == ' ';
            if (!(isSpace && lastWasSpace))
                builder.Append(c);
            lastWasSpace = isSpace;
        }
        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
