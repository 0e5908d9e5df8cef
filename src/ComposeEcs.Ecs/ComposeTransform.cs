using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>Inputs the transform needs from outside the compose project. Empty for now.</summary>
public sealed record TransformOptions;

public static class ComposeTransform
{
    /// <summary>Pure: the same project and options always give the same template.</summary>
    public static Result<Template> Convert(ComposeProject project, TransformOptions? options = null) =>
        new(new Template { Description = $"compose-ecs: {project.Name}" }, ImmutableArray<Diagnostic>.Empty);
}
