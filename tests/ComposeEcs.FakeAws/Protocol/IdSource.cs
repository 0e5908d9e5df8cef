using System.Security.Cryptography;
using System.Text;

namespace ComposeEcs.FakeAws;

/// <summary>
/// Fake identifiers derived from a salt and a key (stack name, logical id, ...), so that with a fixed
/// <see cref="FakeAwsOptions.Seed"/> the same calls give the same ids whatever order parallel work runs in.
/// </summary>
internal sealed class IdSource(int? seed)
{
    private readonly string _salt = seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? System.Guid.NewGuid().ToString();

    private byte[] Bytes(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(_salt + "\n" + key));

    public string Hex(string key, int length) => Convert.ToHexStringLower(Bytes(key)).PadRight(length, '0')[..length];

    public string Alnum(string key, int length)
    {
        const string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var bytes = Bytes(key);
        return string.Concat(Enumerable.Range(0, length).Select(i => chars[bytes[i % bytes.Length] % chars.Length]));
    }

    public string Guid(string key)
    {
        var hex = Hex(key, 32);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
