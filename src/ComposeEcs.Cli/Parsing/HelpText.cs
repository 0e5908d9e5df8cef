using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;

namespace ComposeEcs.Cli.Parsing;

/// <summary>
/// Help in one style, as in <c>docker compose</c>: <c>Usage: compose-ecs logs [OPTIONS] [SERVICE...]</c>, argument and
/// value names in capitals, optional arguments shown as optional everywhere (also in the command list).
/// </summary>
public static class HelpText
{
    /// <param name="leading">Options accepted before the command too: listed in the root help.</param>
    public static void Apply(RootCommand root, IReadOnlyList<Option> leading)
    {
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { } help)
            help.Action = new WriteHelp(root, leading);
    }

    public static string Render(Command command, IReadOnlyList<Option> leading)
    {
        var text = new System.Text.StringBuilder();
        if (!string.IsNullOrEmpty(command.Description)) text.Append($"Description:\n  {command.Description}\n\n");
        text.Append($"Usage:\n  {Usage(command)}\n\n");
        Section(text, "Arguments:", command.Arguments.Where(a => !a.Hidden).Select(a => (Label(a), a.Description ?? "")));
        var inherited = Ancestry(command).Skip(1).SelectMany(c => c.Options.Where(o => o.Recursive));
        Section(text, "Options:", command.Options.Concat(inherited).Where(o => !o.Hidden).Select(o => (Label(o), Describe(o))));
        if (command is RootCommand)
            Section(text, "Project options (before or after the command):", leading.Select(o => (Label(o), Describe(o))));
        Section(text, "Commands:", command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name + ArgumentsLabel(c), c.Description ?? "")));
        return text.ToString();
    }

    /// <summary><c>compose-ecs logs [OPTIONS] [SERVICE...]</c>, or <c>compose-ecs [OPTIONS] COMMAND</c> at the root.</summary>
    public static string Usage(Command command)
    {
        var arguments = command.Subcommands.Count > 0 ? " COMMAND" : ArgumentsLabel(command);
        return $"{Path(command)} [OPTIONS]{arguments}";
    }

    /// <summary>The help command for usage hints: <c>compose-ecs logs --help</c>.</summary>
    public static string HelpHint(Command command) => Path(command) + " --help";

    private static string Path(Command command) =>
        string.Join(' ', Ancestry(command).Reverse().Select(c => c is RootCommand ? "compose-ecs" : c.Name));

    private static void Section(System.Text.StringBuilder text, string title, IEnumerable<(string Label, string Description)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0) return;
        var width = list.Max(r => r.Label.Length) + 2;
        text.Append(title).Append('\n');
        foreach (var (label, description) in list)
            text.Append("  ").Append((label.PadRight(width) + description).TrimEnd()).Append('\n');
        text.Append('\n');
    }

    private static string ArgumentsLabel(Command command) => string.Concat(command.Arguments.Where(a => !a.Hidden).Select(a => " " + Label(a)));

    private static string Label(Argument argument)
    {
        var name = argument.Name.ToUpperInvariant();
        var many = argument.Arity.MaximumNumberOfValues > 1 ? "..." : "";
        return argument.Arity.MinimumNumberOfValues == 0 ? $"[{name}{many}]" : $"{name}{many}";
    }

    /// <summary><c>-f, --file FILE</c>; <c>--format json|yaml</c> for a choice; nothing after a switch.</summary>
    private static string Label(Option option)
    {
        var names = string.Join(", ", option.Aliases.Append(option.Name).Distinct().Where(n => n.StartsWith('-') && n != "-?").OrderBy(n => n.StartsWith("--", StringComparison.Ordinal)).ThenBy(n => n, StringComparer.Ordinal));
        if (option.ValueType == typeof(bool) || option.Arity.MaximumNumberOfValues == 0) return names;
        var choices = option.CompletionSources.Count > 0
            ? string.Join('|', option.GetCompletions(CompletionContext.Empty).Select(c => c.Label))
            : "";
        var value = option.HelpName ?? (choices.Length > 0 ? choices : option.Name.TrimStart('-').ToUpperInvariant());
        return $"{names} {value}";
    }

    private static string Describe(Option option)
    {
        var description = option.Description ?? "";
        if (!option.HasDefaultValue || option.ValueType == typeof(bool)) return description;
        return option.GetDefaultValue() is { } value && value.ToString() is { Length: > 0 } text && value is not Array
            ? $"{description} [default: {text}]"
            : description;
    }

    private static IEnumerable<Command> Ancestry(Command command)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault()) yield return c;
    }

    private sealed class WriteHelp(RootCommand root, IReadOnlyList<Option> leading) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            _ = root;
            parseResult.InvocationConfiguration.Output.Write(Render(parseResult.CommandResult.Command, leading));
            return ExitCodes.Success;
        }
    }
}
