using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ComposeEcs.Cli.Rendering;
using ComposeEcs.Deploy;
using Spectre.Console;

namespace ComposeEcs.Cli.Commands;

/// <summary><c>compose-ecs ps</c>: the project's services (or with --all, their tasks) as ECS runs them.</summary>
public static class PsCommand
{
    public static Command Create(ProjectOptions project, CliContext context)
    {
        var aws = new AwsOptions();
        var all = new Option<bool>("--all", "-a") { Description = "One row per task: task id, status, health, IP" };
        var format = OutputFormat.Create();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Only the task ids, one per line" };
        var serviceNames = new Option<bool>("--services") { Description = "Only the service names, one per line" };
        var command = new Command("ps", "List the project's services and their tasks");
        project.AddTo(command);
        aws.AddTo(command);
        command.Options.Add(all);
        command.Options.Add(format);
        command.Options.Add(quiet);
        command.Options.Add(serviceNames);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (ProjectTarget.Resolve(project.Read(parse), context) is not { } target) return ExitCodes.BadInput;
            var json = parse.GetValue(format) == "json";
            var tasks = parse.GetValue(all) || parse.GetValue(quiet);
            return await AwsCommand.RunAsync(aws.Read(parse), context, async client =>
            {
                var status = await new ProjectStatusReader(client).ReadAsync(target.StackName, target.Project, tasks || json, cancellationToken);
                if (parse.GetValue(quiet) || parse.GetValue(serviceNames))
                {
                    var names = parse.GetValue(quiet) ? status.Tasks.Select(t => t.TaskId) : status.Services.Select(s => s.Name);
                    await context.Out.WriteAsync(string.Concat(names.Select(n => n + "\n")));
                    return ExitCodes.Success;
                }
                if (json)
                {
                    await context.Out.WriteLineAsync(Json(status));
                    return ExitCodes.Success;
                }
                if (status.StackStatus is null)
                {
                    await context.Error.WriteLineAsync($"Project {target.Name} is not deployed (no stack {target.StackName} in {client.Region})");
                    return ExitCodes.Success;
                }
                Consoles.For(context).Write(tasks ? TaskTable(status) : ServiceTable(status));
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    public static Table ServiceTable(ProjectStatus status)
    {
        var table = new Table().Border(TableBorder.None).AddColumn("NAME").AddColumn("DESIRED").AddColumn("RUNNING").AddColumn("STATUS").AddColumn("PORTS");
        foreach (var s in status.Services)
        {
            var color = s.Running >= s.Desired && s.Status == "ACTIVE" ? "green" : "yellow";
            table.AddRow(Markup.Escape(s.Name), s.Desired.ToString(CultureInfo.InvariantCulture), $"[{color}]{s.Running}[/]",
                Markup.Escape(s.Status), Markup.Escape(string.Join(", ", s.Endpoints)));
        }
        return table;
    }

    public static Table TaskTable(ProjectStatus status)
    {
        var table = new Table().Border(TableBorder.None).AddColumn("SERVICE").AddColumn("TASK").AddColumn("STATUS").AddColumn("HEALTH").AddColumn("IP");
        foreach (var t in status.Tasks)
            table.AddRow(Markup.Escape(t.Service), Markup.Escape(t.TaskId), Markup.Escape(t.Status), Markup.Escape(t.Health ?? ""), Markup.Escape(t.Ip ?? ""));
        return table;
    }

    /// <summary>An array of services, each with its tasks: stable keys for scripts.</summary>
    public static string Json(ProjectStatus status)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var s in status.Services)
            {
                json.WriteStartObject();
                json.WriteString("Name", s.Name);
                json.WriteNumber("Desired", s.Desired);
                json.WriteNumber("Running", s.Running);
                json.WriteNumber("Pending", s.Pending);
                json.WriteString("Status", s.Status);
                json.WriteStartArray("Endpoints");
                foreach (var e in s.Endpoints) json.WriteStringValue(e);
                json.WriteEndArray();
                json.WriteStartArray("Tasks");
                foreach (var t in status.Tasks.Where(t => t.Service == s.Name))
                {
                    json.WriteStartObject();
                    json.WriteString("Id", t.TaskId);
                    json.WriteString("Status", t.Status);
                    json.WriteString("DesiredStatus", t.DesiredStatus);
                    if (t.Health is null) json.WriteNull("Health"); else json.WriteString("Health", t.Health);
                    if (t.Ip is null) json.WriteNull("Ip"); else json.WriteString("Ip", t.Ip);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
