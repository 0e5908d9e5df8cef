using System.Collections.Immutable;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>The <c>x-aws-*</c> fields of a service: registry credentials, task role, deployment percentages (the
/// target health and autoscaling settings have binders of their own, <see cref="TargetHealthBinding"/> and
/// <see cref="AutoscalingBinding"/>, and each port <see cref="PortBinding"/>).</summary>
internal static class ServiceBinding
{
    public static ServiceAws Bind(Service service, List<Diagnostic> problems)
    {
        var x = service.Extensions;
        var where = $"service \"{service.Name}\"";
        var pullCredentials = PullCredentials(x, where, problems);
        return new ServiceAws
        {
            Ports = [.. service.Ports.Select(p => PortBinding.Bind(service, p, problems))],
            PullCredentials = pullCredentials,
            KmsKey = KmsKey(x, where, problems),
            ManagedPolicies = ManagedPolicies(x, where, problems),
            RolePolicy = RolePolicy(x, where, problems),
            MinPercent = Percent(service, AwsExtensions.MinPercent, problems),
            MaxPercent = Percent(service, AwsExtensions.MaxPercent, problems),
            TargetHealth = TargetHealthBinding.Bind(service, problems),
            Autoscaling = AutoscalingBinding.Bind(service, problems),
            CpuShares = PlainFieldBinding.CpuShares(service, problems),
            Gpus = PlainFieldBinding.Gpus(service),
        };
    }

    private static Bound<string>? PullCredentials(Extensions x, string where, List<Diagnostic> problems)
    {
        if (!x.Has(AwsExtensions.PullCredentials))
            return null;
        var at = x.At(AwsExtensions.PullCredentials);
        if (x.GetString(AwsExtensions.PullCredentials) is not { } arn || !arn.StartsWith("arn:", StringComparison.Ordinal))
            problems.Add(Diagnostic.Error(DiagnosticCodes.Secret,
                $"{where}: {AwsExtensions.PullCredentials}: must be the ARN of a Secrets Manager secret holding the registry's username and password", at));
        else if (SecretAccess.WhyNotComplete(arn) is { } why)
            problems.Add(Diagnostic.Error(DiagnosticCodes.Secret, $"{where}: {AwsExtensions.PullCredentials}: \"{arn}\" {why}", at));
        else
            return new(arn, at);
        return null;
    }

    private static Bound<string>? KmsKey(Extensions x, string where, List<Diagnostic> problems)
    {
        if (!x.Has(AwsExtensions.KmsKey))
            return null;
        var at = x.At(AwsExtensions.KmsKey);
        var key = x.GetString(AwsExtensions.KmsKey);
        if (!x.Has(AwsExtensions.PullCredentials))
            problems.Add(Diagnostic.Error(DiagnosticCodes.Secret,
                $"{where}: {AwsExtensions.KmsKey}: names the key of the {AwsExtensions.PullCredentials} secret, which this service does not have " +
                $"(the key of an external secret goes on the secret)", at));
        else if (SecretAccess.WhyNotKey(key ?? "") is { } bad)
            problems.Add(Diagnostic.Error(DiagnosticCodes.Secret, $"{where}: {AwsExtensions.KmsKey}: \"{key}\" {bad}", at));
        else
            return new(key!, at);
        return null;
    }

    private static ImmutableArray<string> ManagedPolicies(Extensions x, string where, List<Diagnostic> problems)
    {
        if (!x.Has(AwsExtensions.Policies))
            return [];
        var arns = x.GetList(AwsExtensions.Policies);
        if (!arns.IsEmpty && arns.All(a => a is string { Length: > 0 }))
            return [.. arns.OfType<string>()];
        problems.Add(Diagnostic.Error(DiagnosticCodes.Iam, $"{where}: {AwsExtensions.Policies}: must be a list of IAM managed policy ARNs", x.At(AwsExtensions.Policies)));
        return [];
    }

    private static ImmutableSortedDictionary<string, object?>? RolePolicy(Extensions x, string where, List<Diagnostic> problems)
    {
        if (!x.Has(AwsExtensions.Role))
            return null;
        if (x.GetMap(AwsExtensions.Role) is not { } document)
            problems.Add(Diagnostic.Error(DiagnosticCodes.Iam, $"{where}: {AwsExtensions.Role}: must be an IAM policy document (Version, Statement)", x.At(AwsExtensions.Role)));
        else if (!document.ContainsKey("Statement"))
            problems.Add(Diagnostic.Error(DiagnosticCodes.Iam, $"{where}: {AwsExtensions.Role}: the policy document has no Statement", x.At(AwsExtensions.Role)));
        else
            return document;
        return null;
    }

    /// <summary>A deployment percentage, under <c>deploy</c> or on the service (<c>deploy</c> wins).</summary>
    private static int? Percent(Service service, string key, List<Diagnostic> problems)
    {
        var (value, at) = service.Deploy?.Extensions.Get(key) is { } underDeploy
            ? (underDeploy, service.Deploy.Extensions.At(key))
            : (service.Extensions.Get(key), service.Extensions.At(key));
        if (value is null)
            return null;
        if (ExtensionValues.ToInt(value) is (>= 0 and <= 200) and var percent)
            return percent;
        problems.Add(Diagnostic.Error(DiagnosticCodes.Service, $"service \"{service.Name}\": {key}: must be a whole percentage (0-200)", at));
        return null;
    }
}
