using System.Collections.Immutable;
using ComposeEcs.Compose;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary><c>x-aws-securitygroup</c> on a network: an existing group its services join instead of one the template creates.</summary>
internal static class NetworkBinding
{
    public static ImmutableSortedDictionary<string, Bound<string>> Bind(ComposeProject project, List<Diagnostic> problems)
    {
        var groups = ImmutableSortedDictionary.CreateBuilder<string, Bound<string>>(StringComparer.Ordinal);
        foreach (var network in project.Networks.Values.Where(n => n.Extensions.Has(AwsExtensions.SecurityGroup)))
        {
            var at = network.Extensions.At(AwsExtensions.SecurityGroup);
            if (network.Extensions.GetString(AwsExtensions.SecurityGroup) is { Length: > 0 } group && group.StartsWith("sg-", StringComparison.Ordinal))
                groups[network.Key] = new(group, at);
            else
                problems.Add(Diagnostic.Error(DiagnosticCodes.ExistingResource,
                    $"network \"{network.Key}\": {AwsExtensions.SecurityGroup}: must be a security group id such as sg-0123456789abcdef0", at));
        }
        return groups.ToImmutable();
    }
}
