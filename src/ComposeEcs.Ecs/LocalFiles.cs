using System.Collections.Immutable;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

public enum LocalKind { Missing, File, Directory }

/// <summary>One file read from the user's machine: its path under the mounted source ("" for a file source itself).</summary>
public sealed record LocalFile(string Path, ImmutableArray<byte> Content, bool Executable);

/// <summary>
/// What a bind-mount or config source is on the machine running compose-ecs. <see cref="OverLimit"/>: the source
/// holds more than <see cref="FileDelivery.MaxFiles"/> files or <see cref="FileDelivery.MaxBytes"/> bytes, and
/// reading stopped there (so <see cref="Files"/> is incomplete and must not be delivered).
/// </summary>
public sealed record LocalEntry(LocalKind Kind)
{
    public ImmutableArray<LocalFile> Files { get; init; } = [];
    /// <summary>Sub-directories (relative, '/'-separated), so empty ones are recreated too.</summary>
    public ImmutableArray<string> Directories { get; init; } = [];
    public bool OverLimit { get; init; }
    public long Bytes => Files.Sum(f => (long)f.Content.Length);

    public static readonly LocalEntry Missing = new(LocalKind.Missing);
}

/// <summary>
/// A snapshot of the local inputs the transform may need: bind-mount and config sources (by absolute path) and the
/// values of variables that <c>environment:</c> configs name. Taken once by <see cref="Read"/> before the transform,
/// which only reads this record, so <see cref="ComposeTransform.Convert"/> stays a pure function of its inputs.
/// </summary>
public sealed record LocalFiles
{
    public ImmutableSortedDictionary<string, LocalEntry> Entries { get; init; } = Maps.Empty<LocalEntry>();
    public ImmutableSortedDictionary<string, string> Variables { get; init; } = Maps.Empty<string>();
    /// <summary>
    /// The Dockerfiles (by absolute path) of services that bind-mount a directory of their own build context, so
    /// <see cref="BindMounts"/> can tell whether the image holds it (<see cref="ImageCopies"/>); a missing one is unknown.
    /// </summary>
    public ImmutableSortedDictionary<string, string> Dockerfiles { get; init; } = Maps.Empty<string>();

    /// <summary>A Dockerfile larger than this is not read (its build context's mounts count as in the image, unknown).</summary>
    public const int MaxDockerfileBytes = 256 * 1024;

    public static readonly LocalFiles None = new();

    public LocalEntry this[string path] => Entries.GetValueOrDefault(path) ?? LocalEntry.Missing;

    /// <summary>
    /// The only I/O of ComposeEcs.Ecs: reads the sources <see cref="BindMounts"/> and <see cref="Configs"/> look at,
    /// bounded (at most <see cref="FileDelivery.MaxFiles"/> + 1 files and <see cref="FileDelivery.MaxBytes"/> bytes
    /// read per source; larger sources are marked <see cref="LocalEntry.OverLimit"/>). Host system paths are never read.
    /// </summary>
    public static LocalFiles Read(ComposeProject project, Func<string, string?> variable)
    {
        var paths = project.Services.Values.SelectMany(s => s.Volumes)
            .Where(v => v.Type == "bind" && v.Source is not null && BindMounts.LooksLocal(project, v))
            .Select(v => v.Source!)
            .Concat(project.Configs.Values.Select(c => c.File).OfType<string>())
            .Distinct(StringComparer.Ordinal);
        var variables = project.Configs.Values.Select(c => c.Environment).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(name => (name, value: variable(name))).Where(v => v.value is not null);
        var dockerfiles = project.Services.Values
            .Where(s => s.Volumes.Any(v => v.Type == "bind" && v.Source is not null && BindMounts.InBuildContext(s, v.Source)))
            .Select(s => ImageCopies.DockerfileOf(s.Build!)).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(p => (path: p, text: ReadDockerfile(p))).Where(d => d.text is not null);
        return new LocalFiles
        {
            Entries = Maps.From(paths.Select(p => KeyValuePair.Create(p, ReadEntry(p)))),
            Dockerfiles = Maps.From(dockerfiles.Select(d => KeyValuePair.Create(d.path, d.text!))),
            Variables = Maps.From(variables.Select(v => KeyValuePair.Create(v.name, v.value!))),
        };
    }

    private static string? ReadDockerfile(string path)
    {
        try
        {
            return File.Exists(path) && Compose.Bounds.InputFiles.KindOf(path) is null && new FileInfo(path).Length <= MaxDockerfileBytes
                ? File.ReadAllText(path)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static LocalEntry ReadEntry(string path)
    {
        try
        {
            // A FIFO would block and a device never end: such a source is not read (the loader refuses them by name).
            if (File.Exists(path) && Compose.Bounds.InputFiles.KindOf(path) is not null) return LocalEntry.Missing;
            if (File.Exists(path))
            {
                var info = new FileInfo(path);
                return info.Length > FileDelivery.MaxBytes
                    ? new LocalEntry(LocalKind.File) { OverLimit = true }
                    : new LocalEntry(LocalKind.File) { Files = [ReadFile(path, "")] };
            }
            return Directory.Exists(path) ? ReadDirectory(path) : LocalEntry.Missing;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return LocalEntry.Missing;
        }
    }

    private static LocalEntry ReadDirectory(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var files = new List<LocalFile>();
        long bytes = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*", options).Order(StringComparer.Ordinal))
        {
            if (Compose.Bounds.InputFiles.KindOf(file) is not null) continue;
            var length = new FileInfo(file).Length;
            if (files.Count == FileDelivery.MaxFiles || bytes + length > FileDelivery.MaxBytes)
                return new LocalEntry(LocalKind.Directory) { OverLimit = true };
            bytes += length;
            files.Add(ReadFile(file, Relative(root, file)));
        }
        var directories = Directory.EnumerateDirectories(root, "*", options).Take(FileDelivery.MaxFiles + 1)
            .Select(d => Relative(root, d)).Order(StringComparer.Ordinal).ToImmutableArray();
        return new LocalEntry(LocalKind.Directory) { Files = [.. files], Directories = directories, OverLimit = directories.Length > FileDelivery.MaxFiles };
    }

    private static LocalFile ReadFile(string path, string relative)
    {
        var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
        return new LocalFile(relative, [.. File.ReadAllBytes(path)], executable);
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
