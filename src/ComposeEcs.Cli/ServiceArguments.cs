using System.CommandLine;

namespace ComposeEcs.Cli;

/// <summary>The trailing <c>[SERVICE...]</c> argument of <c>config</c> and <c>logs</c>.</summary>
public static class ServiceArguments
{
    /// <summary>
    /// Zero or more service names. A word starting with <c>-</c> is an option this command does not have, not a
    /// service: without this check System.CommandLine hands it to the argument and the user reads "no such service: -q".
    /// </summary>
    public static Argument<string[]> Create(string name, string description)
    {
        var argument = new Argument<string[]>(name) { Description = description, Arity = ArgumentArity.ZeroOrMore };
        argument.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith('-')) is { } option)
                result.AddError($"Unrecognized option '{option.Value}'.");
        });
        return argument;
    }
}
