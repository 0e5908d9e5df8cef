using System.Text;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Timing;

namespace ComposeEcs.Cli.Commands;

/// <summary><c>convert --explain-time</c>: the modeled first deploy, one-service update and teardown, and what sets each.</summary>
public static class ExplainTime
{
    public static string Render(MapExpr tree)
    {
        var now = DeployTimeModel.Explain(tree);
        var before = DeployTimeModel.Explain(DeployTimeModel.WithAwsDefaults(tree));
        var text = new StringBuilder();
        text.AppendLine("Modeled times: typical figures, the longest chain of resources CloudFormation waits on");
        text.AppendLine("(how: src/ComposeEcs.CloudFormation/Timing/README.md)");
        foreach (var path in new[] { now.FirstDeploy, now.ServiceUpdate, now.Teardown }.OfType<TimedPath>())
        {
            text.AppendLine();
            text.AppendLine($"{path.Operation}: {Durations.Short(path.Total)}");
            var width = path.Steps.Max(s => s.Id.Length);
            foreach (var step in path.Steps)
            {
                var waits = step.Waits.IsEmpty ? step.Type : string.Join(", ", step.Waits);
                text.AppendLine($"  {step.Id.PadRight(width)}  {Durations.Short(step.Seconds),7}  {waits}".TrimEnd());
            }
        }
        text.AppendLine();
        var update = before.ServiceUpdate is { } u ? $", {u.Operation} {Durations.Short(u.Total)}" : "";
        text.AppendLine($"With AWS's target group defaults (30 s checks, 300 s draining): first deploy {Durations.Short(before.FirstDeploy.Total)}{update}, teardown {Durations.Short(before.Teardown.Total)}");
        return text.ToString();
    }
}
