using System.Diagnostics;
using System.Text;

namespace ComposeEcs.Deploy.Images;

/// <summary>What a docker command left: its exit code, its standard output (bounded) and its last lines of output.</summary>
public sealed record DockerResult(int ExitCode, string Output, IReadOnlyList<string> Tail)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last non-empty line of output, for a one-line error.</summary>
    public string LastLine => Tail.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"exit code {ExitCode}";
}

/// <summary>
/// Runs the local <c>docker</c> CLI: arguments as a list (no shell), the given environment only, standard input only
/// when given (the registry password for <c>docker login --password-stdin</c>, never an argument), every output line
/// passed to <paramref name="log"/>. Cancelling kills the command and its children.
/// </summary>
public sealed class DockerCli(string executable, IReadOnlyDictionary<string, string> environment, Action<string>? log = null)
{
    private const int MaxOutputChars = 256 * 1024;
    private const int TailLines = 20;

    public string Executable => executable;

    /// <summary>The <c>docker</c> executable on PATH, or null when Docker is not installed.</summary>
    public static string? Find(Func<string, string?> getEnvironment)
    {
        var names = OperatingSystem.IsWindows() ? new[] { "docker.exe", "docker.cmd", "docker.bat" } : ["docker"];
        foreach (var dir in (getEnvironment("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir.Trim('"'), name);
                if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
                    return candidate;
            }
        return null;
    }

    public async Task<DockerResult> RunAsync(IReadOnlyList<string> arguments, string? standardInput = null, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Clear();
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var output = new StringBuilder();
        var tail = new Queue<string>();
        var gate = new Lock();
        void Line(string line, bool stdout)
        {
            lock (gate)
            {
                if (stdout && output.Length < MaxOutputChars) output.AppendLine(line);
                tail.Enqueue(line);
                if (tail.Count > TailLines) tail.Dequeue();
            }
            log?.Invoke(line);
        }

        async Task Pump(StreamReader reader, bool stdout)
        {
            while (await reader.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line) Line(line, stdout);
        }

        var pumps = Task.WhenAll(Pump(process.StandardOutput, true), Pump(process.StandardError, false));
        try
        {
            if (standardInput is not null) await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }
        catch (IOException)
        {
            // docker exited before reading its input; its exit code says why.
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        await pumps.ConfigureAwait(false);
        lock (gate) return new DockerResult(process.ExitCode, output.ToString(), [.. tail]);
    }
}
