namespace ComposeEcs.Cli.Messages;

/// <summary>A line for stderr with its code, in the one printed form of <see cref="Diagnostic"/>: <c>error CE3001: message</c>.</summary>
public static class ErrorLines
{
    public static string Error(DiagnosticCode code, string message) => Diagnostic.Error(code, message).ToString();

    public static string Warning(DiagnosticCode code, string message) => Diagnostic.Warning(code, message).ToString();
}
