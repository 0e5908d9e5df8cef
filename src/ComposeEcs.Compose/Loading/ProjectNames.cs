using System.Text;

namespace ComposeEcs.Compose.Loading;

/// <summary>Project name rules: lowercase letters, digits, <c>-</c> and <c>_</c>, starting with a letter or digit.</summary>
public static class ProjectNames
{
    public static bool IsValid(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) | char.IsAsciiDigit(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    /// <summary>Normalises a directory name silently: lowercase, invalid characters dropped, leading separators trimmed.</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_') sb.Append(c);
        }
        return sb.ToString().TrimStart('-', '_');
    }
}
