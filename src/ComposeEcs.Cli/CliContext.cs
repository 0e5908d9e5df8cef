using System.Collections;
using ComposeEcs.Aws.Credentials;

namespace ComposeEcs.Cli;

/// <summary>Everything a command reads from or writes to the outside world, so tests can run the real entry point.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string> Environment, string WorkingDirectory)
{
    /// <summary>True when stdout is an interactive terminal (live views); false in CI, pipes and tests.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>True when stderr is an interactive terminal: message markers are coloured (unless NO_COLOR).</summary>
    public bool IsErrorTerminal { get; init; }

    /// <summary>Where confirmations are read (<c>down -v</c>); only asked when <see cref="IsInputTerminal"/>.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>True when stdin is an interactive terminal, so a question can be asked.</summary>
    public bool IsInputTerminal { get; init; }

    /// <summary><c>--verbose</c>: every warning, not one line per kind.</summary>
    public bool Verbose { get; init; }

    /// <summary>The AWS SDK's own credential and region chains (instance metadata, SSO, ...); tests replace them with <see cref="NoSdkFallback"/>.</summary>
    public IAwsSdkFallback AwsSdkFallback { get; init; } = new SdkFallback();

    /// <summary>How AWS calls are retried; null is <see cref="Aws.Http.RetryPolicy.Default"/> (tests shorten the waits, not the attempts).</summary>
    public Aws.Http.RetryPolicy? AwsRetry { get; init; }

    public string? GetEnvironment(string name) => Environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static CliContext FromProcess() => new(
        Console.Out,
        Console.Error,
        System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal),
        Directory.GetCurrentDirectory())
    {
        IsTerminal = !Console.IsOutputRedirected,
        IsErrorTerminal = !Console.IsErrorRedirected,
        In = Console.In,
        IsInputTerminal = !Console.IsInputRedirected,
    };
}
