using ComposeEcs.Aws;
using ComposeEcs.Deploy;

namespace ComposeEcs.Cli.Commands;

/// <summary>
/// <c>down -v</c>: after the stack is gone, the EFS file systems it kept (DeletionPolicy Retain) are deleted too — but
/// only once the user said yes on a terminal, or with <c>--yes</c>. It names each file system before and after.
/// </summary>
internal sealed record VolumeDeletion(bool Delete, bool Confirmed)
{
    public static async Task<int> RunAsync(AwsContext aws, IReadOnlyList<RetainedResource> retained, bool confirmed, CliContext context, CancellationToken cancellationToken)
    {
        var fileSystems = retained.Where(r => r.ResourceType == "AWS::EFS::FileSystem" && r.PhysicalId is not null).ToList();
        var others = retained.Except(fileSystems).ToList();
        if (fileSystems.Count > 0)
        {
            await context.Out.WriteLineAsync($"Volumes to delete, with all their data: {string.Join(", ", fileSystems.Select(f => $"{f.PhysicalId} ({f.LogicalId})"))}");
            if (!confirmed && !await AskAsync(context, $"Delete {fileSystems.Count} EFS file system{(fileSystems.Count == 1 ? "" : "s")} and all their data? [y/N] "))
            {
                await context.Out.WriteLineAsync("Nothing deleted.");
                await DownCommand.WriteRetainedAsync(context.Out, retained);
                return ExitCodes.Success;
            }
            foreach (var fs in fileSystems)
            {
                var deleted = await aws.Efs.DeleteFileSystemAsync(fs.PhysicalId!, cancellationToken);
                await context.Out.WriteLineAsync(deleted
                    ? $"Deleted EFS file system {fs.PhysicalId} ({fs.LogicalId})"
                    : $"EFS file system {fs.PhysicalId} ({fs.LogicalId}) was already gone");
            }
        }
        await DownCommand.WriteRetainedAsync(context.Out, others);
        return ExitCodes.Success;
    }

    private static async Task<bool> AskAsync(CliContext context, string question)
    {
        await context.Out.WriteAsync(question);
        await context.Out.FlushAsync();
        var answer = (await context.In.ReadLineAsync())?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }
}
