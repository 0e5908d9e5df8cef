using System.Collections.Immutable;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>The project's <c>x-aws-*</c> settings and the problems found while reading them.</summary>
internal sealed record AwsBinding(AwsSettings Settings, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// The binding step: reads every <c>x-aws-*</c> extension of a (prepared) compose project once, checks its shape and
/// format at its own position, and returns typed <see cref="AwsSettings"/>. This is the only code in the transform
/// that reads <see cref="Extensions"/>; checks that relate a setting to other fields (an HTTPS redirect to the
/// load balancer's type, a subnet count to an Application Load Balancer) read the bound value and its position.
/// </summary>
internal static class AwsBinder
{
    public static AwsBinding Bind(ComposeProject project)
    {
        var problems = new List<Diagnostic>(ExtensionPlaces.Check(project));
        var settings = ProjectBinding.Bind(project, problems) with
        {
            Services = project.Services.Values.ToImmutableSortedDictionary(s => s.Name, s => ServiceBinding.Bind(s, problems), StringComparer.Ordinal),
            SecurityGroups = NetworkBinding.Bind(project, problems),
            Secrets = SecretBinding.Bind(project, problems),
        };
        return new(settings, [.. problems]);
    }
}
