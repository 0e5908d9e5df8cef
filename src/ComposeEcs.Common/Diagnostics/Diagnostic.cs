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
/// of the kind of problem from <see cref="DiagnosticCodes"/> (see the README's error reference), given where the
/// diagnostic is made.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Message, SourceLocation? Location = null, string? Code = null)
{
    public static Diagnostic Error(DiagnosticCode code, string message, SourceLocation? location = null) => new(Severity.Error, message, location, code.Id);
    public static Diagnostic Warning(DiagnosticCode code, string message, SourceLocation? location = null) => new(Severity.Warning, message, location, code.Id);

    /// <summary>Without a code: for tests only; every diagnostic in src has one (a test checks).</summary>
    public static Diagnostic Error(string message, SourceLocation? location = null) => new(Severity.Error, message, location);
    /// <summary>Without a code: for tests only; every diagnostic in src has one (a test checks).</summary>
    public static Diagnostic Warning(string message, SourceLocation? location = null) => new(Severity.Warning, message, location);

    public Diagnostic WithCode(string code) => this with { Code = code };

    /// <summary>
    /// The one printed form, <c>file:line:col: error CE1040: message</c> (<c>warning CE2003:</c>; no position: no
    /// <c>file:line:col: </c>), terminal-safe: control characters escaped, long quoted values shortened (<see cref="MessageText"/>).
    /// </summary>
    public override string ToString()
    {
        var marker = (Severity == Severity.Warning ? "warning" : "error") + (Code is null ? "" : " " + Code);
        return MessageText.Clean(Location is null ? $"{marker}: {Message}" : $"{Location}: {marker}: {Message}");
    }
}

/// <summary>A value or the diagnostics explaining why there is none. Warnings may accompany a value.</summary>
public sealed record Result<T>(T? Value, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => Value is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}
