using Xunit;

namespace ComposeEcs.TestSupport;

/// <summary>
/// The one golden-file convention of every suite: an expected file beside the case's inputs, compared byte for byte;
/// <c>UPDATE_GOLDEN=1 dotnet test</c> rewrites the expected files instead, and <c>git diff</c> is the review.
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    /// <summary>Compares with the expected file, or rewrites it when updating. Null content means the file must not exist.</summary>
    public static void Verify(string path, string? actual)
    {
        if (Updating)
        {
            if (actual is null) File.Delete(path);
            else File.WriteAllText(path, actual);
            return;
        }
        Assert.Equal(Read(path), actual);
    }
}
