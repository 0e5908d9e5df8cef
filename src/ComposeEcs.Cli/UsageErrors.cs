using System.CommandLine;
using System.Text.RegularExpressions;

namespace ComposeEcs.Cli;

/// <summary>Turns System.CommandLine's parse errors into the one line a user reads.</summary>
public static partial class UsageErrors
{
    public static string OneLine(ParseResult parse)
    {
        // "Required command was not provided." accompanies an unknown command; the unknown word is the useful part.
        var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
        return Friendly(Whitespace().Replace(error.Message, " ").Trim());
    }

    private static string Friendly(string message)
    {
        var parse = CannotParse().Match(message);
        if (!parse.Success) return message;
        var what = parse.Groups["type"].Value switch
        {
            var t when t.Contains("Int32") || t.Contains("Int64") => "a whole number",
            var t when t.Contains("Double") || t.Contains("Decimal") => "a number",
            var t when t.Contains("Boolean") => "true or false",
            _ => "valid here",
        };
        return $"{parse.Groups["option"].Value}: '{parse.Groups["value"].Value}' is not {what}";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$")]
    private static partial Regex CannotParse();
}
