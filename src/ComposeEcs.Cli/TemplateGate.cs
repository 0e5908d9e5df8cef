using ComposeEcs.CloudFormation;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Cli;

/// <summary>A template that fails a template check, which is a bug in the transform: nothing may be printed or deployed.</summary>
public sealed class TemplateCheckFailedException(TemplateProblem problem)
    : Exception($"template check \"{problem.Check}\" failed: {problem.Message}")
{
    public TemplateProblem Problem { get; } = problem;
}

/// <summary>
/// Every template <c>convert</c> and <c>up</c> produce passes <see cref="TemplateChecks"/> (cycles, dangling references,
/// duplicate listeners, quotas) before a byte reaches stdout or AWS.
/// </summary>
public static class TemplateGate
{
    /// <summary>
    /// Null when the template is sound. A problem in a template the user patched with <c>x-aws-cloudformation</c> is
    /// the user's: a one-line error for exit 2 (returned). Any other problem is ours: <see cref="TemplateCheckFailedException"/>.
    /// </summary>
    public static Diagnostic? Check(ComposeProject project, Template template)
    {
        if (TemplateChecks.Run(template.ToTree()) is not [var first, ..]) return null;
        if (Ecs.TemplateOverlay.Of(project) is { } overlay)
            return Diagnostic.Error(DiagnosticCodes.Overlay, $"{overlay.Name}: the merged template would be refused by CloudFormation: {first.Message}", overlay.At);
        throw new TemplateCheckFailedException(first);
    }
}
