using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ComposeEcs.Cli.Rendering;
using ComposeEcs.Deploy;
using Spectre.Console;

namespace ComposeEcs.Cli.Commands;

/// <summary><c>compose-ecs ls</c>: the projects deployed in the account and region (stacks tagged com.docker.compose.project).</summary>
public static class LsCommand
{
    public static Command Create(CliContext context)
    {
        var aws = new AwsOptions();
        var format = OutputFormat.Create();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Only the project names, one per line" };
        var command = new Command("ls", "List the projects deployed in the account and region");
        aws.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(quiet);
        command.SetAction((parse, cancellationToken) => AwsCommand.RunAsync(aws.Read(parse), context, async client =>
        {
            var projects = await new ProjectLister(client).ListAsync(cancellationToken);
            if (parse.GetValue(quiet))
                await context.Out.WriteAsync(string.Concat(projects.Select(p => p.Name + "\n")));
            else if (parse.GetValue(format) == "json")
                await context.Out.WriteLineAsync(Json(projects));
            else
                Consoles.For(context).Write(Table(projects));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    public static Table Table(IReadOnlyList<DeployedProject> projects)
    {
        var table = new Table().Border(TableBorder.None).AddColumn("NAME").AddColumn("STATUS").AddColumn("LAST UPDATED").AddColumn("STACK");
        foreach (var p in projects)
            table.AddRow(Markup.Escape(p.Name), StatusMarkup(p.Status), Markup.Escape(FormatTime(p.LastUpdated)), Markup.Escape(p.StackName));
        return table;
    }

    public static string Json(IReadOnlyList<DeployedProject> projects)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var p in projects)
            {
                json.WriteStartObject();
                json.WriteString("Name", p.Name);
                json.WriteString("Status", p.Status);
                json.WriteString("StackName", p.StackName);
                if (p.LastUpdated is { } updated) json.WriteString("LastUpdated", updated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                else json.WriteNull("LastUpdated");
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string FormatTime(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "";

    public static string StatusMarkup(string status)
    {
        var color = StackStatuses.IsInProgress(status) ? "blue" : StackStatuses.IsSuccess(status) ? "green" : "red";
        return $"[{color}]{Markup.Escape(status)}[/]";
    }
}
