using System.Globalization;
using System.Xml.Linq;

namespace ComposeEcs.Aws.Protocols;

/// <summary>Namespace-agnostic reading of AWS XML responses (each service uses its own namespace).</summary>
public static class Xml
{
    public static XElement? Child(this XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static IEnumerable<XElement> Children(this XElement element, string name) =>
        element.Elements().Where(e => e.Name.LocalName == name);

    public static string? Text(this XElement element, string name) => element.Child(name)?.Value;

    public static string TextOrEmpty(this XElement element, string name) => element.Child(name)?.Value ?? "";

    /// <summary>The items of a list element: <c>&lt;name&gt;&lt;member&gt;..&lt;/member&gt;&lt;/name&gt;</c> (EC2 uses "item").</summary>
    public static IEnumerable<XElement> List(this XElement element, string name, string item = "member") =>
        element.Child(name)?.Children(item) ?? [];

    public static bool Bool(this XElement element, string name) =>
        string.Equals(element.Text(name), "true", StringComparison.OrdinalIgnoreCase);

    public static int? Int(this XElement element, string name) =>
        int.TryParse(element.Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static DateTimeOffset? Date(this XElement element, string name) =>
        DateTimeOffset.TryParse(element.Text(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var v) ? v : null;

    /// <summary>The first descendant (or the element itself) with this local name.</summary>
    public static XElement? Find(this XElement element, string name) =>
        element.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == name);
}
