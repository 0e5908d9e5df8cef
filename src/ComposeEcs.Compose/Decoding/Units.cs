using System.Globalization;
using System.Text.RegularExpressions;

namespace ComposeEcs.Compose.Decoding;

/// <summary>Go-style durations (<c>1m30s</c>, <c>500ms</c>) and docker byte sizes (<c>512m</c>, <c>2Gb</c>, <c>1.5g</c>).</summary>
public static partial class Units
{
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var t = text.Trim();
        if (t.Length == 0) return false;
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            // A bare number is seconds, as compose accepts for e.g. stop_grace_period.
            if (!double.IsFinite(seconds) || Math.Abs(seconds) > 1e9) return false;
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }
        var negative = t.StartsWith('-');
        if (t[0] is '-' or '+') t = t[1..];
        var matches = DurationPart().Matches(t);
        if (matches.Count == 0 || matches.Sum(m => m.Length) != t.Length) return false;
        double ticks = 0;
        foreach (Match m in matches)
        {
            var number = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            ticks += m.Groups[2].Value switch
            {
                "ns" => number / 100,
                "us" or "µs" or "μs" => number * 10,
                "ms" => number * TimeSpan.TicksPerMillisecond,
                "s" => number * TimeSpan.TicksPerSecond,
                "m" => number * TimeSpan.TicksPerMinute,
                _ => number * TimeSpan.TicksPerHour,
            };
        }
        if (ticks > TimeSpan.MaxValue.Ticks / 2) return false;
        value = TimeSpan.FromTicks((long)Math.Round(negative ? -ticks : ticks));
        return true;
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)")]
    private static partial Regex DurationPart();

    /// <summary>Formats like Go's <c>time.Duration.String()</c>: <c>1m30s</c>, <c>500ms</c>, <c>1h0m0s</c>.</summary>
    public static string FormatDuration(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "0s";
        var negative = value < TimeSpan.Zero;
        if (negative) value = value.Negate();
        string text;
        if (value < TimeSpan.FromSeconds(1))
        {
            var ticks = value.Ticks;
            text = ticks % TimeSpan.TicksPerMillisecond == 0 ? $"{ticks / TimeSpan.TicksPerMillisecond}ms"
                : ticks % 10 == 0 ? Trim(ticks / 10.0) + "µs"
                : Trim(ticks * 100.0) + "ns";
            // µs with fractions use ms in Go when >= 1ms.
            if (ticks >= TimeSpan.TicksPerMillisecond && ticks % TimeSpan.TicksPerMillisecond != 0)
                text = Trim(ticks / (double)TimeSpan.TicksPerMillisecond) + "ms";
        }
        else
        {
            var hours = (long)value.TotalHours;
            var minutes = value.Minutes;
            var seconds = value.Ticks % TimeSpan.TicksPerMinute / (double)TimeSpan.TicksPerSecond;
            var s = Trim(seconds) + "s";
            text = hours > 0 ? $"{hours}h{minutes}m{s}" : minutes > 0 ? $"{minutes}m{s}" : s;
        }
        return negative ? "-" + text : text;
    }

    private static string Trim(double d) => d.ToString("0.#########", CultureInfo.InvariantCulture);

    public static bool TryParseBytes(string text, out long value)
    {
        value = 0;
        var m = ByteSize().Match(text.Trim());
        if (!m.Success) return false;
        if (!double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return false;
        var multiplier = m.Groups[2].Value.ToLowerInvariant() switch
        {
            "" => 1L,
            "k" => 1L << 10,
            "m" => 1L << 20,
            "g" => 1L << 30,
            "t" => 1L << 40,
            _ => 1L << 50,
        };
        var bytes = number * multiplier;
        if (bytes > long.MaxValue / 2) return false;
        value = (long)bytes;
        return true;
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?) ?([kKmMgGtTpP]?)[iI]?[bB]?$")]
    private static partial Regex ByteSize();
}
