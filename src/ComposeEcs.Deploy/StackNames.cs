using System.Text;

namespace ComposeEcs.Deploy;

/// <summary>How a compose project maps to its CloudFormation stack.</summary>
public static class StackNames
{
    /// <summary>The tag every compose-ecs stack carries; <c>ls</c> finds projects by it.</summary>
    public const string ProjectTag = "com.docker.compose.project";

    /// <summary>
    /// The stack name for a project: compose names are <c>[a-z0-9][a-z0-9_-]*</c>, stack names
    /// <c>[a-zA-Z][-a-zA-Z0-9]*</c>, so underscores become dashes and a leading digit gets a prefix.
    /// </summary>
    public static string For(string projectName)
    {
        var builder = new StringBuilder(projectName.Length + 8);
        foreach (var c in projectName)
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        if (builder.Length == 0 || !char.IsAsciiLetter(builder[0]))
            builder.Insert(0, "compose-");
        if (builder.Length <= MaxLength) return builder.ToString();
        // Stack names have at most 128 characters: cut, and end in a hash of the whole name so long names stay distinct.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(projectName)))[..8];
        return $"{builder.ToString(0, MaxLength - 9).TrimEnd('-')}-{hash}";
    }

    public const int MaxLength = 128;

    /// <summary>The CloudWatch log group the transform declares for a project.</summary>
    public static string LogGroup(string projectName) => $"/docker-compose/{projectName}";
}
