using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>The existing VPC a project names (<c>x-aws-vpc</c>), for <c>up</c>'s checks; null means the default VPC.</summary>
public static class ProjectVpc
{
    public static string? Of(ComposeProject project) =>
        ProjectBinding.Bind(project, []).Vpc?.Value;
}
