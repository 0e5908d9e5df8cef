using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// A service that <c>up</c> builds with the local Docker CLI and pushes to ECR. <paramref name="ParameterName"/> is the
/// template parameter that carries the pushed image (by digest); <paramref name="ContextText"/> the build context as the
/// user wrote it, relative to the project directory; <paramref name="Platform"/> what the task runs on
/// (<c>linux/amd64</c>, or <c>linux/arm64</c> for an ARM64 task).
/// </summary>
public sealed record BuiltImage(string Service, string ParameterName, string ContextText, BuildConfig Build, string Platform, string? Image);

/// <summary>The services with <c>build:</c>, read by <c>convert</c> (a parameter each) and <c>up</c> (what to build).</summary>
public static class BuiltImages
{
    public const string DescriptionPrefix = "built from ";

    /// <summary>Every service with <c>build:</c>, sorted by name; with <c>image:</c> too, the image is still built.</summary>
    public static ImmutableArray<BuiltImage> Of(ComposeProject project) =>
        [.. project.Services.Values.Where(s => s.Build is not null).Select(s => new BuiltImage(
            s.Name, Images.ParameterName(s.Name), ContextText(project, s.Build!.Context), s.Build!,
            Containers.Platform(s).CpuArchitecture == "ARM64" ? "linux/arm64" : "linux/amd64", s.Image))];

    /// <summary>Remote contexts (git URLs) as written; local ones relative to the project directory, <c>./api</c>.</summary>
    public static string ContextText(ComposeProject project, string context)
    {
        if (context.Contains("://", StringComparison.Ordinal) || context.StartsWith("git@", StringComparison.Ordinal) || !Path.IsPathRooted(context))
            return context;
        var relative = Path.GetRelativePath(project.WorkingDirectory, context).Replace('\\', '/');
        return relative == "." ? "." : relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative) ? relative : "./" + relative;
    }
}

/// <summary>
/// <c>build:</c> services run the image <c>up</c> builds: their container image is a parameter (<c>WebImage</c>),
/// described as "built from &lt;context&gt;", so <c>convert</c> stays offline and <c>up</c> fills it with
/// <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com/&lt;repository&gt;@sha256:...</c>.
/// </summary>
internal static class Images
{
    public static string ParameterName(string service) => LogicalIds.Normalize(service) + "Image";

    public static ServicePlan Plan(TransformContext context, ServicePlan plan) =>
        plan.Service.Build is null ? plan : plan.WithContainer(c => c with { Image = Fn.Ref(ParameterName(plan.Service.Name)) });

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans) => new()
    {
        Parameters = Sorted.Empty<Parameter>().AddRange(BuiltImages.Of(context.Project).Select(b =>
            KeyValuePair.Create(b.ParameterName, new Parameter("String")
            {
                Description = BuiltImages.DescriptionPrefix + b.ContextText,
                MinLength = 1,
            }))),
    };
}
