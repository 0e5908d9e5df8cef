using System.CommandLine;
using ComposeEcs.Cli.Rendering;
using ComposeEcs.Deploy;
using Spectre.Console;

namespace ComposeEcs.Cli.Commands;

/// <summary><c>compose-ecs logs [SERVICE...]</c>: the services' CloudWatch logs; --follow polls until Ctrl-C (exit 0).</summary>
public static class LogsCommand
{
    /// <remarks>
    /// As in <c>docker compose logs -f</c>, <c>-f</c> means <c>--follow</c> here: this command gets its own copy of
    /// the project options whose <c>--file</c> has no short alias.
    /// </remarks>
    public static Command Create(ProjectOptions sharedProject, CliContext context)
    {
        _ = sharedProject;
        var project = new ProjectOptions();
        project.Files.Aliases.Remove("-f");
        var aws = new AwsOptions();
        var services = ServiceArguments.Create("SERVICE", "Only these services (default: all)");
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new log lines until interrupted" };
        var since = new Option<string?>("--since") { Description = "Only lines since a duration ago (10m, 1h) or an RFC 3339 timestamp" };
        var until = new Option<string?>("--until") { Description = "Only lines before a duration ago (10m, 1h) or an RFC 3339 timestamp" };
        var noPrefix = new Option<bool>("--no-log-prefix") { Description = "Do not print the service prefix" };
        var tail = new Option<string?>("--tail", "-n") { Description = "Only the last N lines of each service (a number, or all)" };
        var timestamps = new Option<bool>("--timestamps", "-t") { Description = "Show each line's timestamp" };
        var noColor = new Option<bool>("--no-color") { Description = "Do not colour the service prefixes" };
        var command = new Command("logs", "Show the services' logs from CloudWatch");
        project.AddTo(command);
        aws.AddTo(command);
        command.Arguments.Add(services);
        foreach (var option in new Option[] { follow, since, until, tail, timestamps, noColor, noPrefix }) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (ProjectTarget.Resolve(project.Read(parse), context) is not { } target) return ExitCodes.BadInput;
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } sinceText && (from = Durations.ParseSince(sinceText, DateTimeOffset.UtcNow)) is null)
            {
                await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.InvalidOption, $"--since '{sinceText}' is neither a duration (10m, 1h30m) nor an RFC 3339 timestamp"));
                return ExitCodes.BadInput;
            }
            DateTimeOffset? to = null;
            if (parse.GetValue(until) is { } untilText && (to = Durations.ParseSince(untilText, DateTimeOffset.UtcNow)) is null)
            {
                await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.InvalidOption, $"--until '{untilText}' is neither a duration (10m, 1h30m) nor an RFC 3339 timestamp"));
                return ExitCodes.BadInput;
            }
            int? lastLines = null;
            if (parse.GetValue(tail) is { } tailText && tailText != "all")
            {
                if (!int.TryParse(tailText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                {
                    await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.InvalidOption, $"--tail: \"{tailText}\" is not a number"));
                    return ExitCodes.BadInput;
                }
                lastLines = n;
            }
            var named = parse.GetValue(services) ?? [];
            if (target.Project is { } loaded && named.FirstOrDefault(n => !loaded.Services.ContainsKey(n)) is { } unknown)
            {
                await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.NoSuchService, $"no such service: {unknown}"));
                return ExitCodes.BadInput;
            }
            var request = new LogsRequest(target.Name, named, from, lastLines, parse.GetValue(follow)) { Until = to };
            var colour = !parse.GetValue(noColor) && context.IsTerminal && context.GetEnvironment("NO_COLOR") is null;
            var known = named.Length > 0 ? named : target.Project?.Services.Keys.ToArray() ?? [];
            return await AwsCommand.RunAsync(aws.Read(parse), context, async client =>
            {
                var console = Consoles.For(context, noColor: !colour);
                var formatter = new LogFormatter(known, parse.GetValue(timestamps), colour) { Prefix = !parse.GetValue(noPrefix) };
                var timings = DeployTimings.FromEnvironment(context.GetEnvironment);
                await foreach (var line in new LogReader(client, timings).ReadAsync(request, cancellationToken))
                {
                    if (colour) console.MarkupLine(formatter.Format(line));
                    else await context.Out.WriteLineAsync(formatter.Format(line));
                }
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
