using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Nesting;

namespace ComposeEcs.Cli.Commands;

/// <summary>
/// <c>convert</c> of a project past one stack's quotas: <c>-o DIR</c> writes the parent (<c>template.&lt;ext&gt;</c>)
/// and one file per nested stack, the parent's <c>TemplateURL</c>s naming those files (as <c>aws cloudformation
/// package</c> expects); to stdout, the single template as before and a note on stderr saying how to get the split.
/// </summary>
internal static class NestedOutput
{
    public static NestedTemplates? Plan(MapExpr tree, string format) =>
        StackSplit.IsNeeded(tree) ? StackSplit.Split(tree, format) : null;

    public static string Note(NestedTemplates nested) =>
        $"note: the project needs nested stacks: {nested.Children.Length + 1} templates (a parent with the shared resources and " +
        $"{nested.Children.Length} holding the services, each within CloudFormation's quotas); write them with `compose-ecs convert -o DIR`, " +
        "deploy with `compose-ecs up`";

    public static async Task<int> WriteAsync(NestedTemplates nested, string format, string directory, CliContext context, CancellationToken cancellationToken)
    {
        string Render(MapExpr tree) => format == "json" ? TemplateWriter.ToJson(tree) : TemplateWriter.ToYaml(tree);
        var root = Path.GetFullPath(directory, context.WorkingDirectory);
        try
        {
            Directory.CreateDirectory(root);
            await File.WriteAllTextAsync(Path.Combine(root, $"template.{format}"), Render(nested.Parent), cancellationToken);
            foreach (var child in nested.Children)
                await File.WriteAllTextAsync(Path.Combine(root, child.FileName), Render(child.Template), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.CannotWrite, $"cannot write {directory}: {e.Message}"));
            return ExitCodes.BadInput;
        }
        await context.Error.WriteLineAsync(
            $"Wrote {directory}/template.{format} and {nested.Children.Length} nested stack templates ({nested.Children[0].FileName} ... {nested.Children[^1].FileName})");
        return ExitCodes.Success;
    }
}
