namespace ComposeEcs;

/// <summary>"Did you mean": the closest known word to a mistyped one, if it is close enough to be a typo.</summary>
public static class Suggestions
{
    /// <summary>No name worth suggesting is longer; a longer word (hostile input) is not compared at all.</summary>
    private const int MaxLength = 100;

    public static string? Closest(string typed, IEnumerable<string> known)
    {
        if (typed.Length > MaxLength) return null;
        var best = known
            .Select(k => (Word: k, Distance: Distance(typed, k)))
            .OrderBy(k => k.Distance).ThenBy(k => k.Word, StringComparer.Ordinal)
            .FirstOrDefault();
        // A third of the word may be wrong (convret, lgos, --servics), never less than one edit.
        return best.Word is not null && best.Distance <= Math.Max(1, typed.TrimStart('-').Length / 3) ? best.Word : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
