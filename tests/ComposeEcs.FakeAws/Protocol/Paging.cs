using System.Text;

namespace ComposeEcs.FakeAws;

/// <summary>Offset-based pages behind opaque tokens, so clients must loop on NextToken like against AWS.</summary>
internal static class Paging
{
    public static (IReadOnlyList<T> Items, string? NextToken) Page<T>(IReadOnlyList<T> all, string? token, int pageSize, int? limit = null)
    {
        var size = Math.Max(1, limit is > 0 ? Math.Min(limit.Value, pageSize) : pageSize);
        var start = Decode(token);
        var items = all.Skip(start).Take(size).ToList();
        var next = start + items.Count < all.Count ? Encode(start + items.Count) : null;
        return (items, next);
    }

    private static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"page:{offset}"));

    private static int Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("page:", StringComparison.Ordinal) && int.TryParse(text[5..], out var offset) && offset >= 0) return offset;
        }
        catch (FormatException) { }
        throw new AwsError("InvalidNextToken", "The specified token is invalid.");
    }
}
