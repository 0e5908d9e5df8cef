using System.Diagnostics;

namespace ComposeEcs.TestSupport;

/// <summary>Runs a child process to its end or, past <c>bound</c>, kills its whole tree and fails the test with a timeout.</summary>
public static class BoundedProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ProcessStartInfo start, TimeSpan bound, string what)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        if (start.RedirectStandardInput) process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(bound);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish within {bound}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
