using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;
using ComposeEcs.Compose.Model;
using ComposeEcs.Ecs;

namespace ComposeEcs.Deploy;

/// <summary>The value of one compose secret, as bytes read from its file or variable. Never printed.</summary>
public sealed record SecretContent(string Key, SecretPayload Value);

/// <summary>
/// Compose secrets in Secrets Manager, written by <c>up</c> itself before the stack step, so a task never starts before
/// its secrets have their values, and a value never passes through a template parameter (CloudFormation caps those at
/// 4,096 bytes and keeps them in the stack's history). Each file or environment secret is the secret
/// <c>compose-ecs/&lt;project&gt;/&lt;key&gt;</c> (tagged with the project): UTF-8 text as SecretString, anything else as
/// SecretBinary, up to Secrets Manager's 65,536 bytes. The template refers to it by its ARN (the parameter
/// <c>&lt;Key&gt;SecretArn</c>). A value that did not change is not written again. <c>down</c> deletes them.
/// </summary>
public sealed class ComposeSecrets(AwsContext aws, string projectName)
{
    public const int MaxBytes = 65_536;

    public static string NameOf(string projectName, string key) => $"compose-ecs/{projectName}/{key}";

    /// <summary>Every secret the template creates, read as bytes; or the one-line reason one cannot be (missing, too big).</summary>
    public static (IReadOnlyList<SecretContent> Values, string? Error) Read(ComposeProject project, Func<string, string?> getEnvironment)
    {
        var values = new List<SecretContent>();
        foreach (var secret in SecretParameters.Of(project).Select(p => project.Secrets[p.Secret]))
        {
            byte[] bytes;
            if (secret.File is { } file)
            {
                if (!File.Exists(file) && !Directory.Exists(file)) return ([], $"secret '{secret.Key}': file {file} does not exist");
                // A FIFO or /dev/zero is refused by name, never opened; one byte past the limit is enough to refuse the size.
                var (read, problem) = Compose.Bounds.InputFiles.ReadBytes(file, MaxBytes);
                if (read is null)
                    return ([], problem!.StartsWith("is larger than", StringComparison.Ordinal)
                        ? $"secret '{secret.Key}' is {new FileInfo(file).Length:N0} bytes, over Secrets Manager's {MaxBytes:N0}-byte limit"
                        : $"secret '{secret.Key}': cannot read {file}: {problem}");
                bytes = read;
            }
            else if (secret.Environment is { } variable)
            {
                if (getEnvironment(variable) is not { } text) return ([], $"secret '{secret.Key}': environment variable {variable} is not set");
                bytes = System.Text.Encoding.UTF8.GetBytes(text);
            }
            else return ([], $"secret '{secret.Key}' has no file or environment");
            if (bytes.Length > MaxBytes)
                return ([], $"secret '{secret.Key}' is {bytes.Length:N0} bytes, over Secrets Manager's {MaxBytes:N0}-byte limit");
            values.Add(new SecretContent(secret.Key, SecretPayload.Of(bytes)));
        }
        return (values, null);
    }

    /// <summary>The keys of secrets whose files exist and are not UTF-8 text (what the transform delivers as binary).</summary>
    public static IEnumerable<string> BinaryKeys(ComposeProject project) =>
        SecretParameters.Of(project).Select(p => project.Secrets[p.Secret])
            .Where(s => s.File is { } f && Compose.Bounds.InputFiles.ReadBytes(f, MaxBytes).Bytes is { } bytes && !SecretPayload.IsUtf8(bytes))
            .Select(s => s.Key);

    /// <summary>Writes the value (creating the secret, or a new version when it changed) and returns the secret's ARN.</summary>
    public async Task<string> WriteAsync(SecretContent content, CancellationToken cancellationToken)
    {
        var name = NameOf(projectName, content.Key);
        var sm = aws.SecretsManager;
        try
        {
            var existing = await sm.DescribeSecretAsync(name, cancellationToken).ConfigureAwait(false);
            var current = await sm.GetSecretValueAsync(existing.Arn, cancellationToken).ConfigureAwait(false);
            if (current is null || !current.SameAs(content.Value))
                await sm.PutSecretValueAsync(existing.Arn, content.Value, cancellationToken).ConfigureAwait(false);
            return existing.Arn;
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
        {
            var created = await sm.CreateSecretAsync(name, content.Value, $"The {content.Key} secret of the compose project {projectName}",
                [new SecretTag(StackNames.ProjectTag, projectName)], cancellationToken).ConfigureAwait(false);
            return created.Arn;
        }
    }

    /// <summary>The ARN for a dry run: the existing secret's, else what it would be called (nothing is written).</summary>
    public async Task<string> ArnWithoutWritingAsync(string key, CancellationToken cancellationToken)
    {
        var name = NameOf(projectName, key);
        try
        {
            return (await aws.SecretsManager.DescribeSecretAsync(name, cancellationToken).ConfigureAwait(false)).Arn;
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
        {
            var account = (await aws.Sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false)).Account;
            return $"arn:aws:secretsmanager:{aws.Region}:{account}:secret:{name}";
        }
    }

    /// <summary><c>down</c>: deletes the project's secrets at once (their values came from local files); returns their names.</summary>
    public async Task<IReadOnlyList<string>> DeleteAllAsync(CancellationToken cancellationToken)
    {
        var secrets = await aws.SecretsManager.ListSecretsAsync([new SecretFilter("name", [NameOf(projectName, "")])], cancellationToken).ConfigureAwait(false);
        var deleted = new List<string>();
        foreach (var secret in secrets.Where(s => s.Tags.Any(t => t.Key == StackNames.ProjectTag && t.Value == projectName)))
        {
            await aws.SecretsManager.DeleteSecretAsync(secret.Arn, forceDeleteWithoutRecovery: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            deleted.Add(secret.Name);
        }
        return deleted;
    }
}
