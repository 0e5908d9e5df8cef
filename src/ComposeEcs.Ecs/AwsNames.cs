using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ComposeEcs.Ecs;

/// <summary>
/// AWS name limits met by construction: a name past its limit is cut and ends in a hash of the whole name, so two
/// long names that share a prefix still differ and the same input always gives the same name. Only names nobody types
/// are shortened (logical ids, families, port mapping names, the namespace label); a service's DNS name is shortened
/// with a warning (see <see cref="ServiceDiscovery"/>).
/// </summary>
internal static partial class AwsNames
{
    /// <summary>Cloud Map service names and namespace labels: DNS labels of at most 63 characters.</summary>
    public const int DnsLabel = 63;
    /// <summary>Cloud Map service names: at most 127 characters in all.</summary>
    public const int CloudMapServiceName = 127;
    /// <summary>Task definition families and container names.</summary>
    public const int Family = 255;
    /// <summary>Port mapping names (and Service Connect port names).</summary>
    public const int PortMappingName = 64;
    /// <summary>Security group descriptions.</summary>
    public const int Description = 255;

    /// <summary>Eight hex digits of SHA-256: enough to keep distinct names distinct.</summary>
    public static string Hash(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];

    /// <summary><paramref name="name"/> if it fits, else its first characters, <c>-</c> and the hash: exactly <paramref name="max"/> long.</summary>
    public static string Shorten(string name, int max) =>
        name.Length <= max ? name : $"{name[..(max - 9)].TrimEnd('-', '_', '.')}-{Hash(name)}";

    /// <summary>As <see cref="Shorten"/> for names of letters and digits only (logical ids).</summary>
    public static string ShortenAlphanumeric(string name, int max) =>
        name.Length <= max ? name : name[..(max - 8)] + Hash(name);

    /// <summary>Free text such as a description, cut to fit.</summary>
    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 3)] + "...";

    /// <summary>A DNS name Cloud Map accepts: labels of letters, digits, <c>-</c> and <c>_</c>, not ending in <c>-</c>, ≤ 63 each, ≤ 127 in all.</summary>
    public static bool IsCloudMapName(string name) => name.Length <= CloudMapServiceName && CloudMapName().IsMatch(name);

    [GeneratedRegex(@"^([a-zA-Z0-9_][a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9_])(\.([a-zA-Z0-9_][a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9_]))*$")]
    private static partial Regex CloudMapName();

    /// <summary>One DNS label from any text: letters, digits and <c>-</c>, lower-case, ≤ 63 (hashed when cut).</summary>
    public static string Label(string text)
    {
        var label = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
            label.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        var cleaned = label.ToString().Trim('-');
        if (cleaned.Length == 0) cleaned = "x" + Hash(text);
        return cleaned.Length <= DnsLabel ? cleaned : $"{cleaned[..(DnsLabel - 9)].TrimEnd('-')}-{Hash(text)}";
    }
}
