using System.Collections.Immutable;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.CloudFormation.Resources.Iam;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;
using SmSecret = ComposeEcs.CloudFormation.Resources.SecretsManager.Secret;

namespace ComposeEcs.Ecs;

/// <summary>A template parameter <c>compose-ecs up</c> fills with the ARN of the secret it wrote a compose secret's content to.</summary>
/// <param name="ParameterName">The parameter, <c>&lt;SecretKey&gt;SecretArn</c>.</param>
/// <param name="Secret">The compose secret's key.</param>
/// <param name="Source">Where <c>up</c> reads the value: <c>file ./db_password.txt</c> or <c>environment variable API_TOKEN</c>.</param>
public sealed record SecretParameter(string ParameterName, string Secret, string Source);

/// <summary>The secret-value parameters of a project's template, for <c>convert</c> to list.</summary>
public static class SecretParameters
{
    /// <summary>One entry per non-external secret some service uses, sorted by secret key.</summary>
    public static ImmutableArray<SecretParameter> Of(ComposeProject project) =>
        [.. Secrets.Created(project).Select(s => new SecretParameter(Secrets.ParameterName(s.Key), s.Key, Secrets.SourceText(project, s)))];
}

/// <summary>
/// Compose secrets as Secrets Manager secrets. A <c>file:</c> or <c>environment:</c> secret is written to Secrets Manager
/// by <c>up</c> itself, before the stack step (any size up to 64 KiB, binary-safe; see ComposeEcs.Deploy.ComposeSecrets),
/// and the template refers to it through the parameter <c>&lt;Key&gt;SecretArn</c> (<c>Key</c> = the secret key's letters
/// and digits, first one upper-cased: <c>db_password</c> → <c>DbpasswordSecretArn</c>), which <c>up</c> fills with its ARN:
/// the value is never in the template nor in a parameter; the transform never reads the file.
/// An <c>external: true</c> secret's <c>name</c> is the ARN of an existing secret. Each service gets an init container
/// (see <see cref="SecretsInit"/>) that writes its secrets to <c>/run/secrets</c>; its execution role may read exactly
/// those secrets. <c>x-aws-pull_credentials</c> (a secret ARN) becomes the container's repository credentials.
/// </summary>
internal static class Secrets
{

    public static string LogicalId(string key) => LogicalIds.Normalize(key) + "Secret";
    public static string ParameterName(string key) => LogicalIds.Normalize(key) + "SecretArn";

    /// <summary>Non-external secrets used by at least one service: the ones this template creates.</summary>
    public static IEnumerable<Compose.Model.Secret> Created(ComposeProject project) =>
        Used(project).Where(s => !s.External);

    public static IEnumerable<Compose.Model.Secret> Used(ComposeProject project)
    {
        var used = project.Services.Values.SelectMany(s => s.Secrets.Select(r => r.Source)).ToHashSet(StringComparer.Ordinal);
        return project.Secrets.Values.Where(s => used.Contains(s.Key));
    }

    /// <summary>The secret's ARN: <c>Ref</c> of the created secret, or the external secret's name.</summary>
    public static Expr Arn(Compose.Model.Secret secret) => secret.External ? secret.Name : Fn.Ref(ParameterName(secret.Key));

    public static string SourceText(ComposeProject project, Compose.Model.Secret secret) =>
        secret.File is { } file ? $"file {DisplayPath(project, file)}"
        : secret.Environment is { } variable ? $"environment variable {variable}"
        : "inline content";

    private static string DisplayPath(ComposeProject project, string file)
    {
        var relative = Path.GetRelativePath(project.WorkingDirectory, file).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? relative : "./" + relative;
    }

    public static IEnumerable<Diagnostic> Check(ComposeProject project)
    {
        foreach (var secret in Used(project))
        {
            var where = $"secret \"{secret.Key}\"";
            if (secret.External && !secret.Name.StartsWith("arn:", StringComparison.Ordinal))
                yield return Diagnostic.Error(DiagnosticCodes.Secret, $"{where}: external secrets are referenced by ARN; set name to the Secrets Manager secret's ARN (got \"{secret.Name}\")", secret.LocationOf("name"));
            if (!secret.External && secret.File is null && secret.Environment is null)
                yield return Diagnostic.Error(DiagnosticCodes.Secret, $"{where}: needs file or environment (or external: true with the ARN as name)", secret.Location);
        }
        foreach (var clash in Created(project).GroupBy(s => LogicalIds.Normalize(s.Key), StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return Diagnostic.Error(DiagnosticCodes.LogicalIdClash, 
                $"secrets {string.Join(" and ", clash.Select(s => $"\"{s.Key}\""))} both become the template parameter {ParameterName(clash.First().Key)}; rename one of them",
                clash.Last().Location);
        foreach (var service in project.Services.Values)
        foreach (var reference in service.Secrets.Where(r => SecretsInit.Target(r) is null))
            yield return Diagnostic.Error(DiagnosticCodes.Secret,
                $"service \"{service.Name}\": secrets: {reference.Source}: target \"{reference.Target}\" must be a relative path (or under /run/secrets/) without '..'", service.LocationOf("secrets"));
    }

    /// <summary>Plan step: the init container, the shared volume, and read access for the execution role.</summary>
    public static ServicePlan Plan(TransformContext context, ServicePlan plan)
    {
        plan = PullCredentials(plan);
        if (plan.Service.Secrets.IsEmpty) return plan;
        var binary = plan.Service.Secrets.Where(r => SecretsFetch.IsBinary(context, r)).ToImmutableArray();
        var text = plan.Service.Secrets.Where(r => !SecretsFetch.IsBinary(context, r)).ToImmutableArray();
        ImmutableArray<Expr> Arns(ImmutableArray<FileReference> references) =>
            [.. references.Select(r => Arn(context.Project.Secrets[r.Source])).Distinct()];
        ImmutableArray<ContainerDefinition> inits =
            [.. text.IsEmpty ? [] : new[] { SecretsInit.Container(context, plan, text) }, .. binary.IsEmpty ? [] : new[] { SecretsFetch.Container(context, plan, binary) }];
        return plan.WithContainer(c => c with
        {
            MountPoints = [.. c.MountPoints ?? [], new MountPoint { ContainerPath = SecretsInit.Root, SourceVolume = SecretsInit.VolumeName, ReadOnly = true }],
            DependsOn = [.. c.DependsOn ?? [], .. inits.Select(init => new ContainerDependency(init.Name, "SUCCESS"))],
        }) with
        {
            Sidecars = [.. plan.Sidecars, .. inits],
            Volumes = [.. plan.Volumes, new CloudFormation.Resources.Ecs.Volume { Name = SecretsInit.VolumeName }],
            ExecutionRolePolicies = text.IsEmpty ? plan.ExecutionRolePolicies : [.. plan.ExecutionRolePolicies, ReadPolicy("ReadComposeSecrets", Arns(text))],
            // SecretBinary is read by the fetch container itself, with the task role.
            TaskRolePolicies = binary.IsEmpty ? plan.TaskRolePolicies : [.. plan.TaskRolePolicies, ReadPolicy("ReadComposeBinarySecrets", Arns(binary))],
        };
    }

    private static ServicePlan PullCredentials(ServicePlan plan)
    {
        if (plan.Aws.PullCredentials?.Value is not { } arn) return plan;
        return plan.WithContainer(c => c with { RepositoryCredentials = new RepositoryCredentials(arn) }) with
        {
            ExecutionRolePolicies = [.. plan.ExecutionRolePolicies, ReadPolicy("ReadPullCredentials", [arn])],
        };
    }

    private static Policy ReadPolicy(string name, ImmutableArray<Expr> arns) => new(name, new PolicyDocument
    {
        Statement = [new PolicyStatement { Action = ["secretsmanager:GetSecretValue"], Resource = arns }],
    }.ToExpr());

    public static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var parameters = Sorted.Empty<Parameter>();
        foreach (var secret in Created(context.Project))
            parameters = parameters.Add(ParameterName(secret.Key), new Parameter("String")
            {
                Description = $"ARN of the Secrets Manager secret holding the compose secret \"{secret.Key}\" ({SourceText(context.Project, secret)}). " +
                    "compose-ecs up writes the value to compose-ecs/<project>/<secret> before deploying and fills each <secret key letters and digits>SecretArn parameter with that secret's ARN.",
            });
        return new Template { Parameters = parameters };
    }
}
