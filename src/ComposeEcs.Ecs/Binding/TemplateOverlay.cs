using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>Where a project patches its template (<c>x-aws-cloudformation</c>), for the CLI's template gate: a template
/// that fails a check after a patch is the patch's fault.</summary>
public static class TemplateOverlay
{
    public sealed record Site(string Name, SourceLocation? At);

    /// <summary>The overlay's field, or null when the project has none (or one the binder refused).</summary>
    public static Site? Of(ComposeProject project) =>
        ProjectBinding.Bind(project, []).Overlay is { } overlay ? new(AwsExtensions.CloudFormation, overlay.At) : null;
}
