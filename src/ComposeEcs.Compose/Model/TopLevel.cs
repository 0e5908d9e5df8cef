using System.Collections.Immutable;

namespace ComposeEcs.Compose.Model;

public sealed record Network(string Key)
{
    /// <summary>Actual name: <c>name:</c> if given, else <c>&lt;project&gt;_&lt;key&gt;</c>; for external networks the external name.</summary>
    public required string Name { get; init; }
    public string? Driver { get; init; }
    public ImmutableSortedDictionary<string, string> DriverOpts { get; init; } = Maps.Empty<string>();
    public bool External { get; init; }
    public bool Internal { get; init; }
    public bool Attachable { get; init; }
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = Maps.Empty<string>();
    public SourceLocation? Location { get; init; }
    /// <summary>Where each field is written (see <see cref="FieldLocations"/>).</summary>
    public FieldLocations Fields { get; init; } = FieldLocations.None;
    /// <summary>The position of a field (<c>driver_opts.uid</c>), else of the key.</summary>
    public SourceLocation? LocationOf(string path) => Fields.Of(path) ?? Location;
    /// <summary><c>x-aws-securitygroup</c>, ...</summary>
    public Extensions Extensions { get; init; } = Extensions.None;
}

public sealed record Volume(string Key)
{
    /// <summary>Actual name: <c>name:</c> if given, else <c>&lt;project&gt;_&lt;key&gt;</c>; for external volumes the external name (an EFS id for us).</summary>
    public required string Name { get; init; }
    public string? Driver { get; init; }
    public ImmutableSortedDictionary<string, string> DriverOpts { get; init; } = Maps.Empty<string>();
    public bool External { get; init; }
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = Maps.Empty<string>();
    public SourceLocation? Location { get; init; }
    /// <summary>Where each field is written (see <see cref="FieldLocations"/>).</summary>
    public FieldLocations Fields { get; init; } = FieldLocations.None;
    /// <summary>The position of a field (<c>driver_opts.uid</c>), else of the key.</summary>
    public SourceLocation? LocationOf(string path) => Fields.Of(path) ?? Location;
    public Extensions Extensions { get; init; } = Extensions.None;
}

/// <summary>A top-level secret or config. Exactly one of File, Environment, Content is set unless External.</summary>
public sealed record Secret(string Key)
{
    public required string Name { get; init; }
    /// <summary>Absolute path of the source file. Its content is never part of the model.</summary>
    public string? File { get; init; }
    /// <summary>Name of the environment variable holding the value (the value itself is not kept in the model).</summary>
    public string? Environment { get; init; }
    /// <summary>Inline content (configs only).</summary>
    public string? Content { get; init; }
    public bool External { get; init; }
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = Maps.Empty<string>();
    public SourceLocation? Location { get; init; }
    /// <summary>Where each field is written (see <see cref="FieldLocations"/>).</summary>
    public FieldLocations Fields { get; init; } = FieldLocations.None;
    /// <summary>The position of a field (<c>driver_opts.uid</c>), else of the key.</summary>
    public SourceLocation? LocationOf(string path) => Fields.Of(path) ?? Location;
    /// <summary><c>x-aws-keys</c>, ...</summary>
    public Extensions Extensions { get; init; } = Extensions.None;
}
