using ComposeEcs.Aws;
using ComposeEcs.Deploy;

namespace ComposeEcs.Cli.Commands;

/// <summary><c>down</c> deletes the project's secrets from Secrets Manager (their values came from local files) and says so.</summary>
internal static class SecretsDown
{
    public static async Task DeleteAsync(AwsContext aws, string projectName, TextWriter output, CancellationToken cancellationToken)
    {
        var deleted = await new ComposeSecrets(aws, projectName).DeleteAllAsync(cancellationToken);
        if (deleted.Count == 0) return;
        await output.WriteLineAsync($"Deleted {deleted.Count} secret(s) from Secrets Manager at once (no recovery window; `up` writes them again from your files):");
        foreach (var name in deleted) await output.WriteLineAsync($"  {name}");
    }
}
