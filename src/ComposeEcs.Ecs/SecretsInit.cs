using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.Compose.Model;
using EcsSecret = ComposeEcs.CloudFormation.Resources.Ecs.Secret;

namespace ComposeEcs.Ecs;

/// <summary>
/// The init container that writes a service's secrets to files, as Docker does under <c>/run/secrets</c>. Values
/// reach it only as ECS <c>Secrets</c> (environment variables ECS resolves from Secrets Manager at start, never in the
/// template): <c>SECRET_1</c>, <c>SECRET_2</c>, ... in the order of the service's <c>secrets</c>. Its shell script
/// (plain POSIX sh and awk, so busybox and alpine both run it) writes <c>printf '%s' "$SECRET_n"</c> to
/// <c>/run/secrets/&lt;target&gt;</c> on a task volume the service container mounts read-only. With
/// <c>x-aws-keys: [a, b]</c> ECS extracts each JSON key itself (<c>valueFrom: &lt;arn&gt;:a::</c>) into
/// <c>/run/secrets/&lt;target&gt;/a</c>; with <c>["*"]</c> the whole JSON goes in and a small awk parser writes one file
/// per top-level key (flat objects: string, number, boolean values). The image is
/// <see cref="DefaultImage"/> unless the top-level <c>x-aws-secrets_init_image</c> names another with sh and awk.
/// </summary>
internal static class SecretsInit
{
    public const string DefaultImage = "public.ecr.aws/docker/library/alpine:3.20";

    public static string Image(AwsSettings aws) => aws.SecretsInitImage?.Value ?? DefaultImage;
    public const string ContainerName = "compose-ecs-secrets-init";
    public const string VolumeName = "compose-ecs-secrets";
    public const string Root = "/run/secrets";

    /// <summary>A JSON key we accept as a file name.</summary>
    public static bool IsSafeKey(string key) =>
        key == "*" || key is not ("." or "..") && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>The path under <see cref="Root"/>: the long syntax <c>target</c> or the secret's name; null if it escapes.</summary>
    public static string? Target(FileReference reference)
    {
        var target = reference.Target ?? reference.Source;
        if (target.StartsWith(Root + "/", StringComparison.Ordinal)) target = target[(Root.Length + 1)..];
        var parts = target.Split('/');
        return target.Length == 0 || target.StartsWith('/') || parts.Any(p => p is "" or "." or "..") ? null : target;
    }

    public static ContainerDefinition Container(TransformContext context, ServicePlan plan, IEnumerable<FileReference> references)
    {
        var secrets = new List<EcsSecret>();
        var script = new StringBuilder("set -e\n");
        foreach (var reference in references)
        {
            var secret = context.Project.Secrets[reference.Source];
            var arn = Secrets.Arn(secret);
            var path = $"{Root}/{Target(reference)}";
            var keys = context.Aws.Of(secret).Keys;
            if (keys is null)
            {
                var variable = Add(secrets, arn);
                script.Append(CultureInfo.InvariantCulture, $"mkdir -p {Quote(Parent(path))}\n");
                script.Append(CultureInfo.InvariantCulture, $"printf '%s' \"${variable}\" > {Quote(path)}\n");
            }
            else if (keys.Value.Contains("*"))
            {
                var variable = Add(secrets, arn);
                script.Append(CultureInfo.InvariantCulture, $"mkdir -p {Quote(path)}\n");
                script.Append(CultureInfo.InvariantCulture, $"printf '%s' \"${variable}\" | awk -v dir={Quote(path)} '{SplitJson}'\n");
            }
            else
            {
                script.Append(CultureInfo.InvariantCulture, $"mkdir -p {Quote(path)}\n");
                foreach (var key in keys.Value)
                {
                    var variable = Add(secrets, Fn.Join("", arn, $":{key}::"));
                    script.Append(CultureInfo.InvariantCulture, $"printf '%s' \"${variable}\" > {Quote($"{path}/{key}")}\n");
                }
            }
            script.Append(Ownership(reference, path, keys is not null));
        }
        return new ContainerDefinition
        {
            Name = ContainerName,
            Image = Image(context.Aws),
            Essential = false,
            EntryPoint = ["/bin/sh", "-c"],
            Command = [script.ToString()],
            Secrets = secrets,
            MountPoints = [new MountPoint { ContainerPath = Root, SourceVolume = VolumeName }],
            LogConfiguration = plan.Container.LogConfiguration,
        };
    }

    private static string Add(List<EcsSecret> secrets, Expr valueFrom)
    {
        var name = $"SECRET_{secrets.Count + 1}";
        secrets.Add(new EcsSecret(name, valueFrom));
        return name;
    }

    /// <summary><c>mode</c>, <c>uid</c> and <c>gid</c> of the long syntax, applied to the file (or every file of a split secret).</summary>
    internal static string Ownership(FileReference reference, string path, bool directory)
    {
        var files = directory ? $"{Quote(path)}/*" : Quote(path);
        var text = new StringBuilder();
        if (reference.Mode is { } mode)
            text.Append(CultureInfo.InvariantCulture, $"chmod {Convert.ToString(mode, 8)} {files}\n");
        if (reference.Uid is not null || reference.Gid is not null)
            text.Append(CultureInfo.InvariantCulture, $"chown {Quote($"{reference.Uid ?? "0"}:{reference.Gid ?? "0"}")} {files}\n");
        return text.ToString();
    }

    private static string Parent(string path) => path[..path.LastIndexOf('/')];

    internal static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// Writes each top-level key of a flat JSON object to <c>dir/key</c>. No single quotes inside (it is single-quoted
    /// in the script); keys that are not safe file names are skipped.
    /// </summary>
    internal const string SplitJson =
        "{ s = s (NR > 1 ? \"\\n\" : \"\") $0 } " +
        "END { n = length(s); i = 1; " +
        "while (i <= n && substr(s, i, 1) != \"\\\"\") i++; " +
        "while (i <= n) { " +
        "k = \"\"; i++; " +
        "while (i <= n && (c = substr(s, i, 1)) != \"\\\"\") { if (c == \"\\\\\") { i++; c = substr(s, i, 1) } k = k c; i++ } " +
        "i++; while (i <= n && substr(s, i, 1) ~ /[ \\t\\r\\n:]/) i++; " +
        "v = \"\"; " +
        "if (substr(s, i, 1) == \"\\\"\") { i++; " +
        "while (i <= n && (c = substr(s, i, 1)) != \"\\\"\") { " +
        "if (c == \"\\\\\") { i++; c = substr(s, i, 1); if (c == \"n\") c = \"\\n\"; else if (c == \"t\") c = \"\\t\"; else if (c == \"r\") c = \"\\r\" } " +
        "v = v c; i++ } i++ } " +
        "else { while (i <= n && (c = substr(s, i, 1)) != \",\" && c != \"}\") { v = v c; i++ } sub(/[ \\t\\r\\n]+$/, \"\", v) } " +
        "if (k ~ /^[A-Za-z0-9._-]+$/ && k != \".\" && k != \"..\") { f = dir \"/\" k; printf \"%s\", v > f; close(f) } " +
        "while (i <= n && substr(s, i, 1) != \"\\\"\") i++ } }";
}
