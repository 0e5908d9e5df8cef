using System.Collections.Immutable;

namespace ComposeEcs.Compose.Model;

/// <summary>
/// A fully loaded compose project: files merged, variables interpolated, extends/include resolved, profiles applied,
/// every short syntax normalised to the long one. Maps are sorted by key (ordinal) so output is deterministic.
/// </summary>
public sealed record ComposeProject
{
    public required string Name { get; init; }
    /// <summary>Absolute project directory; relative paths in the model are already resolved against it.</summary>
    public required string WorkingDirectory { get; init; }
    public ImmutableArray<string> ComposeFiles { get; init; } = [];
    public ImmutableSortedDictionary<string, Service> Services { get; init; } = Maps.Empty<Service>();
    public ImmutableSortedDictionary<string, Network> Networks { get; init; } = Maps.Empty<Network>();
    public ImmutableSortedDictionary<string, Volume> Volumes { get; init; } = Maps.Empty<Volume>();
    public ImmutableSortedDictionary<string, Secret> Secrets { get; init; } = Maps.Empty<Secret>();
    public ImmutableSortedDictionary<string, Secret> Configs { get; init; } = Maps.Empty<Secret>();
    /// <summary>Top-level <c>x-*</c> fields (<c>x-aws-cluster</c>, <c>x-aws-cloudformation</c>, ...) as plain data, see <see cref="Extensions"/>.</summary>
    public Extensions Extensions { get; init; } = Extensions.None;
    /// <summary>Top-level specification fields the model has no property for (<c>models</c>), as plain data with positions.</summary>
    public Extensions Other { get; init; } = Extensions.None;
    /// <summary>Where each top-level field is written (keys only).</summary>
    public FieldLocations Fields { get; init; } = FieldLocations.None;
}

public static class Maps
{
    public static ImmutableSortedDictionary<string, T> Empty<T>() => ImmutableSortedDictionary.Create<string, T>(StringComparer.Ordinal);

    public static ImmutableSortedDictionary<string, T> From<T>(IEnumerable<KeyValuePair<string, T>> items) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, items);
}
