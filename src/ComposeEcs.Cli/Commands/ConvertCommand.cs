using System.CommandLine;
using ComposeEcs.CloudFormation;
using ComposeEcs.Deploy;
using ComposeEcs.Ecs;

namespace ComposeEcs.Cli.Commands;

/// <summary><c>compose-ecs convert</c>: the CloudFormation template for the project, offline and deterministic.</summary>
public static class ConvertCommand
{
    public static Command Create(ProjectOptions project, CliContext context)
    {
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write the template to this file instead of stdout" };
        var explainTime = new Option<bool>("--explain-time") { Description = "Print the modeled deploy, update and teardown times instead of the template" };

        var command = new Command("convert", "Convert the compose project into a CloudFormation template (no AWS access needed)");
        project.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(explainTime);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (ProjectLoading.Convert(project.Read(parse), context) is not var (loaded, template)) return ExitCodes.BadInput;

            foreach (var secret in SecretParameters.Of(loaded))
            {
                await context.Error.WriteLineAsync($"note: `compose-ecs up` writes secret \"{secret.Secret}\" ({secret.Source}) to Secrets Manager and fills {secret.ParameterName} with its ARN");
                if (loaded.Secrets[secret.Secret].File is { } file && !File.Exists(file))
                    await context.Error.WriteLineAsync(Messages.ErrorLines.Warning(DiagnosticCodes.SecretSourceMissing, $"secret \"{secret.Secret}\": {secret.Source} does not exist; `up` will need it"));
            }

            var tree = template.ToTree();
            foreach (var limit in TemplateLimits.Problems(tree, TemplateWriter.ToCompactJson(tree)))
                await context.Error.WriteLineAsync($"note: {limit}");
            var path = parse.GetValue(output);
            if (parse.GetValue(explainTime)) await context.Out.WriteAsync(ExplainTime.Render(tree));
            if (NestedOutput.Plan(tree, parse.GetValue(format)!) is { } nested)
            {
                if (path is not null) return await NestedOutput.WriteAsync(nested, parse.GetValue(format)!, path, context, cancellationToken);
                await context.Error.WriteLineAsync(NestedOutput.Note(nested));
            }
            var text = parse.GetValue(format) == "json" ? TemplateWriter.ToJson(tree) : TemplateWriter.ToYaml(tree);
            if (path is null)
            {
                if (!parse.GetValue(explainTime)) await context.Out.WriteAsync(text);
                return ExitCodes.Success;
            }

            var fullPath = Path.GetFullPath(path, context.WorkingDirectory);
            try
            {
                await File.WriteAllTextAsync(fullPath, text, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.CannotWrite, $"cannot write {path}: {e.Message}"));
                return ExitCodes.BadInput;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
