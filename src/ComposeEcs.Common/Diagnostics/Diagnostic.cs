using System.Collections.Immutable;

namespace ComposeEcs;

/// <summary>A position in a compose file, 1-based, as printed in error messages (<c>compose.yaml:12:7</c>).</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

public enum Severity { Error, Warning }

/// <summary>
/// A user-facing problem: collected, never thrown. Printed as one line. <see cref="Code"/> is a stable identifier
/// of the kind of problem (see the README's error reference); null while a stage has not assigned one.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Message, SourceLocation? Location = null, string? Code = null)
{
    public static Diagnostic Error(string message, SourceLocation? location = null) => new(Severity.Error, message, location);
    public static Diagnostic Warning(string message, SourceLocation? location = null) => new(Severity.Warning, message, location);

    public Diagnostic WithCode(string code) => this with { Code = code };

    /// <summary>One terminal-safe line: control characters escaped, long quoted values shortened (<see cref="MessageText"/>).</summary>
    public override string ToString()
    {
        var prefix = Severity == Severity.Warning ? "warning: " : "";
        return MessageText.Clean(Location is null ? prefix + Message : $"{Location}: {prefix}{Message}");
    }
}

/// <summary>A value or the diagnostics explaining why there is none. Warnings may accompany a value.</summary>
public sealed record Result<T>(T? Value, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => Value is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}
