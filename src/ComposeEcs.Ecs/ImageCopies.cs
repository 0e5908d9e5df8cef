using System.Text;
using System.Text.Json;

namespace ComposeEcs.Ecs;

/// <summary>
/// What a Dockerfile's own <c>COPY</c>/<c>ADD</c> instructions put where, read just far enough to answer one question:
/// does the built image already hold a bind-mounted directory of the build context at the mount's target? That is
/// the live-reload pattern (<c>WORKDIR /app</c>, <c>COPY . .</c>, <c>./:/app</c>), where dropping the mount loses
/// nothing; a directory the Dockerfile copies elsewhere or not at all (<c>COPY . /usr/src/sentry</c> with
/// <c>./sentry:/etc/sentry</c>) is not in the image at that path and must be delivered like any other.
/// <c>COPY --from</c> (another stage or image), globs and variables never count as a match.
/// </summary>
internal static class ImageCopies
{
    /// <summary>The Dockerfile of a local build context (absolute path), null for a remote context.</summary>
    public static string? DockerfileOf(Compose.Model.BuildConfig build) =>
        !Path.IsPathRooted(build.Context) ? null
        : build.Dockerfile is { Length: > 0 } file ? Path.GetFullPath(Path.Combine(build.Context, file))
        : Path.Combine(build.Context, "Dockerfile");

    /// <summary>True when an instruction copies <paramref name="source"/> (absolute, inside <paramref name="context"/>) to <paramref name="target"/>.</summary>
    public static bool Holds(string dockerfile, string context, string source, string target)
    {
        var wanted = Normalize(target);
        var workdir = "/";
        foreach (var (keyword, arguments) in Instructions(dockerfile))
        {
            switch (keyword)
            {
                case "FROM":
                    workdir = "/";
                    break;
                case "WORKDIR":
                    workdir = workdir is null || arguments.Contains('$') ? null : Resolve(workdir, arguments.Trim());
                    break;
                case "COPY" or "ADD":
                    if (workdir is not null && Copies(Words(arguments), workdir, context, source).Contains(wanted)) return true;
                    break;
            }
        }
        return false;
    }

    /// <summary>Where each source of one instruction puts <paramref name="source"/>, when it covers it.</summary>
    private static IEnumerable<string> Copies(IReadOnlyList<string> words, string workdir, string context, string source)
    {
        if (words.Any(w => w.StartsWith("--from", StringComparison.Ordinal))) yield break;
        var paths = words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (paths.Count < 2 || paths.Any(p => p.Contains('$'))) yield break;
        var destination = Resolve(workdir, paths[^1]);
        var root = Normalize(context);
        var mounted = Normalize(source);
        foreach (var from in paths[..^1])
        {
            if (from.IndexOfAny(['*', '?', '[']) >= 0) continue;
            var copied = Normalize(root + "/" + from);
            if (mounted == copied) yield return destination;
            else if (mounted.StartsWith(copied.TrimEnd('/') + "/", StringComparison.Ordinal))
                yield return Normalize(destination + "/" + mounted[(copied.TrimEnd('/').Length + 1)..]);
        }
    }

    private static string Resolve(string workdir, string path) => Normalize(path.StartsWith('/') ? path : workdir + "/" + path);

    /// <summary><c>/app/./src/</c> → <c>/app/src</c>; <c>..</c> steps up.</summary>
    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>Exec form (<c>["a", "b"]</c>) or words separated by blanks.</summary>
    private static IReadOnlyList<string> Words(string arguments)
    {
        var flags = new List<string>();
        var rest = arguments.TrimStart();
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny([' ', '\t']);
            flags.Add(end < 0 ? rest : rest[..end]);
            rest = end < 0 ? "" : rest[end..].TrimStart();
        }
        if (rest.StartsWith('['))
        {
            try
            {
                using var json = JsonDocument.Parse(rest);
                return [.. flags, .. json.RootElement.EnumerateArray().Select(e => e.GetString() ?? "")];
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return [];
            }
        }
        return [.. flags, .. rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>Instructions with continuation lines joined, comments and heredoc bodies skipped.</summary>
    private static IEnumerable<(string Keyword, string Arguments)> Instructions(string dockerfile)
    {
        var current = new StringBuilder();
        string? heredoc = null;
        foreach (var raw in dockerfile.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (heredoc is not null)
            {
                if (line.Trim() == heredoc) heredoc = null;
                continue;
            }
            var trimmed = line.TrimStart();
            if (current.Length == 0 && (trimmed.Length == 0 || trimmed.StartsWith('#'))) continue;
            if (trimmed.EndsWith('\\'))
            {
                current.Append(trimmed[..^1]).Append(' ');
                continue;
            }
            current.Append(trimmed);
            var text = current.ToString().Trim();
            current.Clear();
            var space = text.IndexOfAny([' ', '\t']);
            if (space < 0) continue;
            var arguments = text[(space + 1)..];
            if (arguments.IndexOf("<<", StringComparison.Ordinal) is var at and >= 0)
                heredoc = arguments[(at + 2)..].TrimStart('-').Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim('"', '\'');
            yield return (text[..space].ToUpperInvariant(), arguments);
        }
    }
}
