namespace ComposeEcs.Cli;

/// <summary><c>-o FILE</c>: the output written to a file (relative to the working directory) instead of stdout.</summary>
public static class OutputFile
{
    public static async Task<int> WriteAsync(string path, string text, CliContext context, CancellationToken cancellationToken)
    {
        try
        {
            await File.WriteAllTextAsync(Path.GetFullPath(path, context.WorkingDirectory), text, cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync(Messages.ErrorLines.Error(DiagnosticCodes.CannotWrite, $"cannot write {path}: {e.Message}"));
            return ExitCodes.BadInput;
        }
    }
}
