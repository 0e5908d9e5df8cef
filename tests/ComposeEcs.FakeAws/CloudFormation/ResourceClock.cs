using System.Runtime.CompilerServices;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Timing;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>
/// How long one resource operation takes in the emulator: a slow-stack fault's delay when set; else, on a scaled
/// clock (<see cref="FakeAwsOptions.TimeScale"/>), the deploy-time model's time for the resource (the same
/// <see cref="ResourceDurations"/> <c>convert --explain-time</c> reads) times the scale; else <see cref="FakeAwsOptions.ResourceDelay"/>.
/// The operation then finishes only once the gate is open.
/// </summary>
internal sealed class ResourceClock(FakeAwsOptions options, Func<TimeSpan?> slowStack, Gate gate)
{
    private readonly ConditionalWeakTable<Template, MapExpr> _trees = new();

    public TimeSpan Duration(Template template, string logicalId, ResourceOperation operation)
    {
        if (slowStack() is { } slow) return slow;
        if (options.TimeScale is not { } scale) return options.ResourceDelay;
        var tree = _trees.GetValue(template, t => TemplateReader.FromJson(t.Root.ToJsonString()) as MapExpr ?? MapExpr.Empty);
        return TimeSpan.FromSeconds(ResourceDurations.Seconds(tree, logicalId, operation) * scale);
    }

    public async Task PassAsync(Template template, string logicalId, ResourceOperation operation, CancellationToken cancellationToken)
    {
        await Task.Delay(Duration(template, logicalId, operation), cancellationToken);
        await gate.PassAsync(cancellationToken);
    }
}
