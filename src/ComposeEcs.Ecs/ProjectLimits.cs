using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// Bounds on what one project may turn into, checked before anything is built so a few lines of compose cannot make
/// a template of thousands of listeners (<c>ports: ["1-1000:1-1000"]</c>). The loader already bounds services and ports.
/// </summary>
internal static class ProjectLimits
{
    /// <summary>
    /// "Target Groups per Application Load Balancer: 100, not adjustable" (Elastic Load Balancing quotas,
    /// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html). Each published
    /// port needs a listener and a target group on the project's one load balancer.
    /// </summary>
    public const int MaxPublishedPorts = 100;

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        var published = 0;
        foreach (var service in project.Services.Values)
        foreach (var range in service.Ports.GroupBy(p => p.Location))
        {
            var count = range.Count();
            published += count;
            if (count > MaxPublishedPorts)
                yield return Diagnostic.Error(DiagnosticCodes.ProjectLimits, 
                    $"service \"{service.Name}\": ports: one entry publishes {count:N0} ports; a load balancer takes at most {MaxPublishedPorts} (one target group each)",
                    range.Key ?? service.Location);
            else if (published > MaxPublishedPorts)
            {
                yield return Diagnostic.Error(DiagnosticCodes.ProjectLimits, 
                    $"service \"{service.Name}\": ports: the project publishes more than {MaxPublishedPorts} ports; a load balancer takes at most {MaxPublishedPorts} (one target group each)",
                    range.Key ?? service.Location);
                yield break;
            }
        }
    }
}
