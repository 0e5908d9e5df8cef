using System.Collections.Immutable;
using System.Globalization;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose;

namespace ComposeEcs.Ecs;

/// <summary>
/// CloudFormation takes at most 200 parameters per stack (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).
/// Nested stacks keep resources and outputs inside their quotas, but every parameter <c>up</c> fills (each built
/// service's image, each external volume's file system, the VPC and subnets) stays on the parent stack, so a project
/// with about 200 services built from source would be refused by CloudFormation after its images were pushed.
/// </summary>
internal static class TemplateParameters
{
    public const int MaxParameters = 200;

    /// <summary>Finish step: an error at the <c>build</c> of the last built service when the parent would take too many parameters.</summary>
    public static Result<Template> Finish(TransformContext context, Template template)
    {
        if (template.Parameters.Count <= MaxParameters) return new(template, []);
        var built = context.Project.Services.Values.Where(s => s.Build is not null).ToList();
        var at = built.LastOrDefault();
        var count = template.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        return new(null, [Diagnostic.Error(DiagnosticCodes.ProjectLimits,
            $"{(at is null ? "the project" : $"service \"{at.Name}\": build")}: the stack would take {count} parameters ({built.Count} of them images of services built from source); " +
            $"CloudFormation takes at most {MaxParameters}: push some images yourself and name them with image: instead of build:",
            at?.LocationOf("build") ?? context.Project.Services.Values.FirstOrDefault()?.Location)]);
    }
}
