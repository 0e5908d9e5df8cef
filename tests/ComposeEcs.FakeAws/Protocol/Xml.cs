using System.Globalization;
using System.Xml.Linq;

namespace ComposeEcs.FakeAws;

/// <summary>Tiny XML builders for the query protocols; null content is dropped so optional fields just vanish.</summary>
internal static class Xml
{
    public static XElement E(string name, params object?[] content) =>
        new(name, content.Where(c => c is not null).Select(Normalize));

    /// <summary>&lt;name&gt;&lt;member&gt;..&lt;/member&gt;...&lt;/name&gt; (query protocol lists).</summary>
    public static XElement Members(string name, IEnumerable<object?> items) => Wrapped(name, "member", items);

    /// <summary>&lt;name&gt;&lt;item&gt;..&lt;/item&gt;...&lt;/name&gt; (EC2 lists).</summary>
    public static XElement Items(string name, IEnumerable<object?> items) => Wrapped(name, "item", items);

    public static string Time(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Document(XElement root, string? ns)
    {
        if (ns is not null)
        {
            XNamespace x = ns;
            foreach (var e in root.DescendantsAndSelf()) e.Name = x + e.Name.LocalName;
        }
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Declaration + "\n" + root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Wrapped(string name, string itemName, IEnumerable<object?> items) =>
        new(name, items.Where(i => i is not null).Select(i => i is XElement e && e.Name.LocalName == itemName ? e : new XElement(itemName, Normalize(i!))));

    private static object Normalize(object? c) => c switch
    {
        bool b => b ? "true" : "false",
        DateTimeOffset t => Time(t),
        object?[] many => many.Where(m => m is not null).Select(Normalize).ToArray(),
        IEnumerable<XElement> many => many.ToArray(),
        _ => c!,
    };
}
