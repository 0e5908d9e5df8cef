using ComposeEcs.Deploy;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ComposeEcs.Cli.Rendering;

/// <summary>
/// On a terminal, in the style of <c>docker compose up</c>: one line per resource with a spinner, its status and
/// elapsed time, and the overall count; a failure's reason shows in red as soon as it happens.
/// </summary>
public sealed class LiveDeployView(IAnsiConsole console, TimeProvider? time = null, TimeSpan? refresh = null) : IDeployView
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private DeployProgress _progress = new();

    public async Task<T> RunAsync<T>(Func<IProgress<DeployEvent>, Task<T>> operation)
    {
        T result = default!;
        await console.Live(Text.Empty).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async live =>
        {
            using var stop = new CancellationTokenSource();
            var ticker = TickAsync(live, stop.Token);
            try
            {
                result = await operation(new SyncProgress<DeployEvent>(e => Apply(e, live))).ConfigureAwait(false);
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await ticker.ConfigureAwait(false);
                Update(live);
            }
        }).ConfigureAwait(false);
        return result;
    }

    private void Apply(DeployEvent e, LiveDisplayContext live)
    {
        lock (_lock)
        {
            switch (e)
            {
                case ChangeSetComputed { Changes.Count: > 0 } c:
                    console.Write(ChangeSetTable.Render(c.Changes));
                    console.WriteLine(ChangeSetTable.Summary(c.Changes));
                    break;
                case StackOperationStarted or ResourceStatusChanged or StackSettled:
                    break;
                default:
                    if (DeployMessages.For(e) is { } message) console.MarkupLine($"[yellow]{Markup.Escape(message)}[/]");
                    break;
            }
            _progress = _progress.Apply(e, _time.GetUtcNow());
        }
        Update(live);
    }

    private async Task TickAsync(LiveDisplayContext live, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(refresh ?? TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
                Update(live);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Update(LiveDisplayContext live)
    {
        IRenderable view;
        lock (_lock) view = Render(_progress, _time.GetUtcNow(), showTypes: console.Profile.Width >= 110);
        live.UpdateTarget(view);
    }

    /// <summary>
    /// The live area for a progress snapshot at a moment (pure, for tests): padded lines rather than a grid, so a
    /// failure's reason can wrap under its resource. Resource types are shown when the console is wide enough.
    /// </summary>
    public static IRenderable Render(DeployProgress progress, DateTimeOffset now, bool showTypes = true)
    {
        if (progress.StackName is null) return Text.Empty;
        var status = progress.StackStatus ?? "";
        var settled = status.Length > 0 && !StackStatuses.IsInProgress(status) && status != StackStatuses.ReviewInProgress;
        var headerColor = settled ? (StackStatuses.IsSuccess(status) ? "green" : "red") : "blue";
        var idWidth = progress.Resources.Select(r => r.LogicalId.Length).DefaultIfEmpty(0).Max();
        var typeWidth = showTypes ? progress.Resources.Select(r => r.ResourceType.Length).DefaultIfEmpty(0).Max() : 0;
        var statusWidth = progress.Resources.Select(r => r.Status.Length).DefaultIfEmpty(0).Max();

        var title = $"{DeployMessages.Verb(progress.Operation)} {progress.StackName} {progress.DoneCount}/{progress.Total}";
        var elapsed = progress.OperationStarted is { } started ? DeployProgress.FormatElapsed(now - started) : "";
        var lines = new List<IRenderable>
        {
            new Markup($"[{headerColor}][[+]][/] {Markup.Escape(title)}  [{headerColor}]{Markup.Escape(status)}[/]  {elapsed}".TrimEnd()),
        };
        foreach (var line in progress.Resources)
        {
            var (icon, color) = line.IsFailed ? ("✘", "red") : line.IsDone ? ("✔", "green") : (SpinnerFrame(now - line.Started), "blue");
            var type = showTypes ? $"[grey]{Markup.Escape(line.ResourceType.PadRight(typeWidth))}[/]  " : "";
            var time = DeployProgress.FormatElapsed((line.Finished ?? now) - line.Started);
            lines.Add(new Markup(
                $" [{color}]{Markup.Escape(icon)}[/] {Markup.Escape(line.LogicalId.PadRight(idWidth))}  {type}[{color}]{Markup.Escape(line.Status.PadRight(statusWidth))}[/]  {time,6}"));
            if (line.IsFailed && line.Reason is { Length: > 0 } reason)
                lines.Add(new Markup($"   [red]{Markup.Escape(reason)}[/]"));
        }
        return new Rows(lines);
    }

    private static string SpinnerFrame(TimeSpan elapsed)
    {
        var spinner = Spinner.Known.Dots;
        var index = (int)(elapsed.TotalMilliseconds / spinner.Interval.TotalMilliseconds) % spinner.Frames.Count;
        return spinner.Frames[Math.Max(0, index)];
    }
}
