using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Iam;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// What reading a secret someone else created needs beyond <c>secretsmanager:GetSecretValue</c> on its ARN.
/// <list type="bullet">
/// <item>The complete ARN. An IAM policy naming a partial ARN (without the <c>-</c> and six characters Secrets Manager
/// appends to the name) matches no secret, so the task would be refused its secret at start ("Finding a secret from a
/// partial ARN", https://docs.aws.amazon.com/secretsmanager/latest/userguide/troubleshoot.html#ARN_secretnamehyphen).
/// Partial and wildcard ARNs are refused at their line.</item>
/// <item><c>kms:Decrypt</c> on the secret's customer managed key, "required only if your key uses a custom KMS key and
/// not the default key" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html,
/// and for registry credentials https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html). The key
/// is named with <c>x-aws-kms-key</c> on an external secret, or on the service for its <c>x-aws-pull_credentials</c>;
/// the grant is limited to decrypting through Secrets Manager (<c>kms:ViaService</c>).</item>
/// </list>
/// </summary>
internal static partial class SecretAccess
{
    [GeneratedRegex(@"^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}$")]
    private static partial Regex CompleteSecretArn();

    [GeneratedRegex(@"^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:")]
    private static partial Regex SecretArnPrefix();

    [GeneratedRegex(@"^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$")]
    private static partial Regex KeyArn();

    /// <summary>Why an ARN cannot be granted in an IAM policy; null for a complete secret ARN.</summary>
    public static string? WhyNotComplete(string arn) =>
        arn.IndexOfAny(['*', '?']) >= 0
            ? "a wildcard ARN names no one secret; ECS reads the secret by its complete ARN"
            : !SecretArnPrefix().IsMatch(arn)
                ? "is not a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>)"
                : !CompleteSecretArn().IsMatch(arn)
                    ? "is a partial ARN: it lacks the '-' and 6 characters Secrets Manager adds to the name, so the IAM policy that lets the " +
                      "task read it would match no secret; copy the complete ARN (aws secretsmanager describe-secret --secret-id <name>)"
                    : null;

    /// <summary>Why a value cannot name the key to grant <c>kms:Decrypt</c> on; null for a key ARN.</summary>
    public static string? WhyNotKey(string? key) => key is null || KeyArn().IsMatch(key) ? null
        : key.Contains(":alias/", StringComparison.Ordinal)
            ? "is an alias; IAM grants kms:Decrypt on the key itself, so give the key ARN (arn:aws:kms:<region>:<account>:key/<id>)"
            : "must be the ARN of a KMS key (arn:aws:kms:<region>:<account>:key/<id>)";

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        foreach (var secret in Secrets.Used(project))
        {
            var where = $"secret \"{secret.Key}\"";
            if (secret.External && secret.Name.StartsWith("arn:", StringComparison.Ordinal) && WhyNotComplete(secret.Name) is { } why)
                yield return Diagnostic.Error(DiagnosticCodes.Secret, $"{where}: name: \"{secret.Name}\" {why}", secret.LocationOf("name"));
        }
    }

    /// <summary>Plan step (after <see cref="Secrets.Plan"/>): <c>kms:Decrypt</c> for the role that reads each secret.</summary>
    public static ServicePlan Plan(TransformContext context, ServicePlan plan)
    {
        string? KeyOf(FileReference reference) => context.Aws.Of(context.Project.Secrets[reference.Source]).KmsKey;
        var byExecutionRole = plan.Service.Secrets.Where(r => !SecretsFetch.IsBinary(context, r)).Select(KeyOf)
            .Append(plan.Aws.KmsKey?.Value);
        var byTaskRole = plan.Service.Secrets.Where(r => SecretsFetch.IsBinary(context, r)).Select(KeyOf);
        var execution = Keys(byExecutionRole);
        var task = Keys(byTaskRole);
        return plan with
        {
            ExecutionRolePolicies = execution.IsEmpty ? plan.ExecutionRolePolicies : [.. plan.ExecutionRolePolicies, Decrypt("DecryptSecrets", execution)],
            TaskRolePolicies = task.IsEmpty ? plan.TaskRolePolicies : [.. plan.TaskRolePolicies, Decrypt("DecryptBinarySecrets", task)],
        };
    }

    private static ImmutableArray<Expr> Keys(IEnumerable<string?> keys) =>
        [.. keys.OfType<string>().Distinct().Order(StringComparer.Ordinal).Select(k => (Expr)k)];

    private static Policy Decrypt(string name, ImmutableArray<Expr> keys) => new(name, new PolicyDocument
    {
        Statement =
        [
            new PolicyStatement
            {
                Action = ["kms:Decrypt"],
                Resource = keys,
                Condition = new MapExpr(("StringEquals", new MapExpr(("kms:ViaService", Fn.Sub("secretsmanager.${AWS::Region}.amazonaws.com"))))),
            },
        ],
    }.ToExpr());
}
