namespace ComposeEcs.Cli.Parsing;

/// <summary>
/// Lets the flags that apply to a whole invocation come before the command, as with <c>docker compose -f app.yaml -p shop up</c>:
/// they are moved to just after the command word, where each command declares them. A short flag is spelled out
/// while moving (<c>-f</c> becomes <c>--file</c>), so <c>compose-ecs -f app.yaml logs -f</c> means a file and then --follow.
/// </summary>
public static class LeadingOptions
{
    /// <summary>Flags taking a value, with the long form each is moved as.</summary>
    private static readonly Dictionary<string, string> WithValue = new(StringComparer.Ordinal)
    {
        ["-f"] = "--file", ["--file"] = "--file",
        ["-p"] = "--project-name", ["--project-name"] = "--project-name",
        ["--project-directory"] = "--project-directory",
        ["--env-file"] = "--env-file",
        ["--profile"] = "--profile",
        ["--region"] = "--region",
        ["--aws-profile"] = "--aws-profile",
        ["--endpoint-url"] = "--endpoint-url",
    };

    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal) { "--verbose" };

    /// <summary>
    /// The arguments with the leading invocation flags moved after the command; unchanged when there are none or when
    /// no command follows them (the parser then reports what is wrong).
    /// </summary>
    public static string[] Move(IReadOnlyList<string> args)
    {
        var moved = new List<string>();
        var i = 0;
        while (i < args.Count)
        {
            var arg = args[i];
            if (Switches.Contains(arg))
            {
                moved.Add(arg);
                i++;
            }
            else if (WithValue.TryGetValue(arg, out var longForm) && i + 1 < args.Count)
            {
                moved.Add(longForm);
                moved.Add(args[i + 1]);
                i += 2;
            }
            else if (arg.IndexOf('=') is > 0 and var eq && WithValue.TryGetValue(arg[..eq], out var longName) && arg.StartsWith("--", StringComparison.Ordinal))
            {
                moved.Add($"{longName}={arg[(eq + 1)..]}");
                i++;
            }
            else break;
        }
        if (moved.Count == 0 || i >= args.Count || args[i].StartsWith('-')) return [.. args];
        return [args[i], .. moved, .. args.Skip(i + 1)];
    }
}
