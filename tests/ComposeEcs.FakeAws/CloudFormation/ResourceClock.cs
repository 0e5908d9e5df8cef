using System.Runtime.CompilerServices;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Timing;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>
/// How long one resource operation takes in the emulator: a slow-stack fault's delay when set; else, on a scaled
/// clock (<see cref="FakeAwsOptions.TimeScale"/>), the deploy-time model's time for the resource (the same
/// <see cref="ResourceDurations"/> <c>convert --explain-time</c> reads) times the scale, in the model's order
/// (<see cref="SimulatedClock"/>); else <see cref="FakeAwsOptions.ResourceDelay"/>. Nothing finishes while the gate is held.
/// </summary>
internal sealed class ResourceClock : IDisposable
{
    private readonly FakeAwsOptions _options;
    private readonly Func<TimeSpan?> _slowStack;
    private readonly Gate _gate;
    private readonly SimulatedClock? _simulated;
    private readonly ConditionalWeakTable<Template, MapExpr> _trees = new();

    public ResourceClock(FakeAwsOptions options, Func<TimeSpan?> slowStack, Gate gate)
    {
        (_options, _slowStack, _gate) = (options, slowStack, gate);
        if (options.TimeScale is { } scale) _simulated = new SimulatedClock(scale, gate);
    }

    /// <summary>Where stack operations run: the scaled clock's own thread, or the thread pool.</summary>
    public TaskScheduler Scheduler => _simulated ?? TaskScheduler.Default;

    /// <summary>Modeled seconds the scaled clock has run; null without <see cref="FakeAwsOptions.TimeScale"/>.</summary>
    public double? ModeledSeconds => _simulated?.Now;

    public async Task PassAsync(Template template, string logicalId, ResourceOperation operation, CancellationToken cancellationToken)
    {
        if (_slowStack() is { } slow) await Task.Delay(slow, cancellationToken);
        else if (_simulated is not null)
        {
            var tree = _trees.GetValue(template, t => TemplateReader.FromJson(t.Root.ToJsonString()) as MapExpr ?? MapExpr.Empty);
            await _simulated.PauseAsync(ResourceDurations.Seconds(tree, logicalId, operation), cancellationToken);
            return;
        }
        else await Task.Delay(_options.ResourceDelay, cancellationToken);
        await _gate.PassAsync(cancellationToken);
    }

    public void Dispose() => _simulated?.Dispose();
}
