using System.Collections.Immutable;

namespace ComposeEcs.Compose.Model;

/// <summary>
/// Where each field of a mapping is written, by path relative to that mapping: <c>restart</c>,
/// <c>deploy.resources.limits.pids</c>, <c>ports[1]</c>, <c>logging.options.awslogs-group</c>. A key's position is
/// its own (the line a diagnostic about the field should point at); list items are at the item. Kept by the loader
/// so that checks run after loading can still point at the field itself, possibly in an override file.
/// </summary>
public sealed record FieldLocations(ImmutableSortedDictionary<string, SourceLocation> Paths)
{
    public static readonly FieldLocations None = new(Maps.Empty<SourceLocation>());

    public SourceLocation? Of(string path) => Paths.GetValueOrDefault(path);

    public bool Has(string path) => Paths.ContainsKey(path);

    /// <summary>The paths below <paramref name="prefix"/>, relative to it (<c>x-aws-autoscaling.cpu</c> → <c>cpu</c>).</summary>
    public FieldLocations Under(string prefix) => new(Maps.From(Paths
        .Where(p => p.Key.StartsWith(prefix + ".", StringComparison.Ordinal))
        .Select(p => KeyValuePair.Create(p.Key[(prefix.Length + 1)..], p.Value))));
}
