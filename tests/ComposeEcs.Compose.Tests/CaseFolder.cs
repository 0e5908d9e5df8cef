using System.Collections.Immutable;
using ComposeEcs.Compose.Decoding;
using ComposeEcs.Compose.Model;
using ComposeEcs.TestSupport;

namespace ComposeEcs.Compose.Tests;

/// <summary>
/// One folder under <c>tests/cases/loader</c>: compose files, optional <c>.env</c>, optional <c>args</c> (extra CLI
/// arguments), optional <c>shell.env</c> (the process environment) and <c>expected.yaml</c> or <c>expected-error.txt</c>.
/// </summary>
public sealed record CaseFolder(string Name, string Directory)
{
    public static IEnumerable<string> Names() => Repository.CaseDirectories("loader").Select(Path.GetFileName)!;

    public static CaseFolder Get(string name) => new(name, Path.Combine(Repository.Cases("loader"), name));

    public LoadOptions Options() => OptionsFor(Directory);

    /// <summary>
    /// Loader options for any case folder (the convert cases use it too): its <c>shell.env</c> as the environment and its
    /// <c>args</c> file as CLI arguments.
    /// </summary>
    public static LoadOptions OptionsFor(string directory)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = "/home/tester" };
        var shellEnv = Path.Combine(directory, "shell.env");
        if (File.Exists(shellEnv))
        {
            foreach (var line in File.ReadAllLines(shellEnv).Where(l => l.Contains('=') && !l.StartsWith('#')))
            {
                var eq = line.IndexOf('=');
                env[line[..eq]] = line[(eq + 1)..];
            }
        }
        var options = new LoadOptions { WorkingDirectory = directory, Environment = env };
        var argsFile = Path.Combine(directory, "args");
        if (!File.Exists(argsFile)) return options;
        var args = ShellWords.Split(File.ReadAllText(argsFile)) ?? [];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "-f" or "--file" => options with { Files = options.Files.Add(value) },
                "-p" or "--project-name" => options with { ProjectName = value },
                "--project-directory" => options with { ProjectDirectory = value },
                "--env-file" => options with { EnvFiles = options.EnvFiles.Add(value) },
                "--profile" => options with { Profiles = options.Profiles.Add(value) },
                "--service" => options with { Services = options.Services.Add(value) },
                "--cwd" => options with { WorkingDirectory = Path.GetFullPath(Path.Combine(directory, value)) },
                _ => throw new InvalidOperationException($"{argsFile}: unknown argument {args[i]}"),
            };
        }
        return options;
    }

    /// <summary>The loader's output with this folder's absolute path replaced by <c>.</c> so goldens hold from any clone.</summary>
    public string Render(Result<ComposeProject> result)
    {
        string Relative(string text) => text.Replace(Directory, ".", StringComparison.Ordinal);
        if (!result.Succeeded)
            return Relative(string.Join("\n", result.Errors.Select(d => d.ToString())) + "\n");
        var warnings = string.Concat(result.Warnings.Select(w => "# " + w + "\n"));
        return Relative(warnings + ProjectWriter.ToYaml(result.Value!));
    }
}
