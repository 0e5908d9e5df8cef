using System.Collections.Immutable;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>The <c>x-aws-*</c> fields of the secrets services use: which JSON keys become files, the key that encrypts an external secret.</summary>
internal static class SecretBinding
{
    public static ImmutableSortedDictionary<string, SecretAws> Bind(ComposeProject project, List<Diagnostic> problems) =>
        Secrets.Used(project).ToImmutableSortedDictionary(s => s.Key, s => Bind(s, problems), StringComparer.Ordinal);

    private static SecretAws Bind(Compose.Model.Secret secret, List<Diagnostic> problems)
    {
        var where = $"secret \"{secret.Key}\"";
        return new SecretAws { Keys = Keys(secret, where, problems), KmsKey = KmsKey(secret, where, problems) };
    }

    private static ImmutableArray<string>? Keys(Compose.Model.Secret secret, string where, List<Diagnostic> problems)
    {
        var x = secret.Extensions;
        if (!x.Has(AwsExtensions.Keys))
            return null;
        var raw = x.GetList(AwsExtensions.Keys);
        if (raw.IsEmpty || raw.Any(k => k is not string { Length: > 0 } s || !SecretsInit.IsSafeKey(s)))
            problems.Add(Diagnostic.Error(DiagnosticCodes.Secret,
                $"{where}: {AwsExtensions.Keys}: must be a list of JSON keys (letters, digits, '.', '_', '-'), or [\"*\"] for every key", x.At(AwsExtensions.Keys)));
        else if (raw.Contains("*") && raw.Length > 1)
            problems.Add(Diagnostic.Error(DiagnosticCodes.Secret, $"{where}: {AwsExtensions.Keys}: \"*\" already means every key; list it alone", x.At(AwsExtensions.Keys)));
        else
            return [.. raw.OfType<string>()];
        return null;
    }

    private static string? KmsKey(Compose.Model.Secret secret, string where, List<Diagnostic> problems)
    {
        var x = secret.Extensions;
        if (!x.Has(AwsExtensions.KmsKey))
            return null;
        var key = x.GetString(AwsExtensions.KmsKey);
        if (!secret.External)
            problems.Add(Diagnostic.Error(DiagnosticCodes.Secret,
                $"{where}: {AwsExtensions.KmsKey}: compose-ecs writes this secret itself, encrypted with the account's default key (aws/secretsmanager); " +
                "a key is only named for an external secret", x.At(AwsExtensions.KmsKey)));
        else if (SecretAccess.WhyNotKey(key ?? "") is { } bad)
            problems.Add(Diagnostic.Error(DiagnosticCodes.Secret, $"{where}: {AwsExtensions.KmsKey}: \"{key}\" {bad}", x.At(AwsExtensions.KmsKey)));
        else
            return key;
        return null;
    }
}
