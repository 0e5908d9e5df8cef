using System.Runtime.InteropServices;
using System.Text;

namespace ComposeEcs.Compose.Bounds;

/// <summary>
/// Reads the files a project names (compose files, env files, includes) only when they are regular files of a sane
/// size: <c>/dev/zero</c> would be read forever and a FIFO would block on open, so both are refused by name first.
/// </summary>
public static class InputFiles
{
    /// <summary>The text of a regular file, or why it cannot be read (one line, without the path).</summary>
    public static (string? Text, string? Problem) ReadText(string path, int maxBytes = LoadLimits.MaxFileBytes)
    {
        var (bytes, problem) = ReadBytes(path, maxBytes);
        if (bytes is null) return (null, problem);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return (reader.ReadToEnd(), null);
    }

    /// <summary>The bytes of a regular file of at most <paramref name="maxBytes"/>, or why it cannot be read (one line, without the path).</summary>
    public static (byte[]? Bytes, string? Problem) ReadBytes(string path, int maxBytes = LoadLimits.MaxFileBytes)
    {
        if (Problem(path) is { } problem) return (null, problem);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var buffer = new byte[Math.Min(maxBytes + 1L, Math.Max(stream.CanSeek ? stream.Length + 1 : 4096, 1))];
            var total = 0;
            using var memory = new MemoryStream();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > maxBytes) return (null, $"is larger than {Size(maxBytes)}");
                memory.Write(buffer, 0, read);
            }
            return (memory.ToArray(), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, e is UnauthorizedAccessException ? "permission denied" : OneLine(e.Message));
        }
    }

    /// <summary>Why the path is not a regular file that can be opened without blocking (missing, a directory, a device, a FIFO), else null.</summary>
    public static string? Problem(string path)
    {
        if (path.Contains('\0')) return "the path contains a NUL character";
        if (Directory.Exists(path)) return "is a directory";
        if (!File.Exists(path)) return "no such file";
        return KindOf(path) is { } kind ? $"is {kind}, not a regular file" : null;
    }

    private static string Size(int bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes:N0} bytes";

    /// <summary>A description such as "a character device" when the path is not a regular file; null for a regular file (or when unknown).</summary>
    public static string? KindOf(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            // .NET's own native shim (present in every runtime, linked statically under Native AOT): a stat() whose
            // Mode field sits at a fixed offset on every platform, unlike libc's struct stat.
            var status = new byte[256];
            if (Stat(path, status) != 0) return null;
            var mode = BitConverter.ToInt32(status, 4) & 0xF000;
            return mode switch
            {
                0x8000 or 0x4000 => null,
                0x1000 => "a FIFO",
                0x2000 => "a character device",
                0x6000 => "a block device",
                0xC000 => "a socket",
                _ => "a special file",
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] output);

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
