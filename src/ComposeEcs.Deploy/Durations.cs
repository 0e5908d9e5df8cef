using System.Globalization;
using System.Text.RegularExpressions;

namespace ComposeEcs.Deploy;

/// <summary>Durations and points in time as users type them: <c>90s</c>, <c>10m</c>, <c>1h30m</c>, <c>250ms</c>, or an RFC 3339 timestamp.</summary>
public static partial class Durations
{
    /// <summary>A duration like <c>10m</c> or <c>1h30m</c>; null when the text is not one.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var matches = Part().Matches(text.Trim());
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != text.Trim()) return null;
        var total = TimeSpan.Zero;
        foreach (Match m in matches)
        {
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += m.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                _ => TimeSpan.FromDays(value),
            };
        }
        return total;
    }

    /// <summary><c>--since</c>: a duration back from now, or an RFC 3339 timestamp; null when it is neither.</summary>
    public static DateTimeOffset? ParseSince(string text, DateTimeOffset now)
    {
        if (ParseDuration(text) is { } ago) return now - ago;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h|d)")]
    private static partial Regex Part();
}
