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
        var message = Friendly(Whitespace().Replace(error.Message, " ").Trim());
        return Unrecognized().Match(message) is { Success: true } unknown ? WithSuggestion(parse, unknown.Groups["word"].Value) : message;
    }

    /// <summary>"unknown command 'convret' (did you mean 'convert'?)" with the closest command or option of the command being parsed.</summary>
    private static string WithSuggestion(ParseResult parse, string word)
    {
        var command = parse.CommandResult.Command;
        var isOption = word.StartsWith('-');
        IEnumerable<string> known = isOption
            ? command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)))
                .Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal))
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        var what = isOption ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
        var hint = Suggestions.Closest(word, known) is { } closest ? $" (did you mean '{closest}'?)" : "";
        return $"unknown {what} '{word}'{hint}";
    }

    [GeneratedRegex(@"^Unrecognized (command or argument|option) '(?<word>.*)'\.?$")]
    private static partial Regex Unrecognized();

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
