using System.CommandLine;
using ComposeEcs.Compose;

namespace ComposeEcs.Cli.Commands;

/// <summary><c>compose-ecs config</c>: prints the resolved project like <c>docker compose config</c>.</summary>
public static class ConfigCommand
{
    public static Command Create(ProjectOptions project, CliContext context)
    {
        var format = new Option<string>("--format") { Description = "Output format: yaml or json", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "json");
        var services = new Option<bool>("--services") { Description = "Print the service names, one per line" };
        var profiles = new Option<bool>("--profiles") { Description = "Print the profile names, one per line" };
        var volumes = new Option<bool>("--volumes") { Description = "Print the volume names, one per line" };
        var images = new Option<bool>("--images") { Description = "Print the image names, one per line" };
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write the output to this file instead of stdout" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Only validate the configuration, print nothing" };
        var targets = ServiceArguments.Create("service", "Only these services and their dependencies (enabled whatever their profiles)");

        var command = new Command("config", "Print the resolved compose project");
        project.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(services);
        command.Options.Add(profiles);
        command.Options.Add(volumes);
        command.Options.Add(images);
        command.Options.Add(outputFile);
        command.Options.Add(quiet);
        command.Arguments.Add(targets);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var args = project.Read(parse);
            // Listing profiles needs every service, enabled or not.
            if (parse.GetValue(profiles)) args = args with { Profiles = ["*"] };
            var options = ProjectLoading.Options(args, context) with { Services = [.. parse.GetValue(targets) ?? []] };
            var result = ComposeLoader.Load(options);
            ProjectLoading.Report(result.Diagnostics, context);
            if (!result.Succeeded) return ExitCodes.BadInput;

            var loaded = result.Value!;
            if (parse.GetValue(quiet)) return ExitCodes.Success;
            string output;
            if (parse.GetValue(services)) output = Lines(loaded.Services.Keys);
            else if (parse.GetValue(profiles)) output = Lines(loaded.Services.Values.SelectMany(s => s.Profiles).Distinct().Order(StringComparer.Ordinal));
            else if (parse.GetValue(volumes)) output = Lines(loaded.Volumes.Keys);
            else if (parse.GetValue(images)) output = Lines(loaded.Services.Values.Select(s => s.Image).OfType<string>().Distinct().Order(StringComparer.Ordinal));
            else output = parse.GetValue(format) == "json" ? ProjectWriter.ToJson(loaded) : ProjectWriter.ToYaml(loaded);
            if (parse.GetValue(outputFile) is { } path) return await OutputFile.WriteAsync(path, output, context, cancellationToken);
            await context.Out.WriteAsync(output.AsMemory(), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Lines(IEnumerable<string> items) => string.Concat(items.Select(i => i + "\n"));
}
