using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>
/// Makes the short name <c>db</c> resolve inside every task: the project's namespace goes first in the search list
/// of the task's <c>/etc/resolv.conf</c>. Fargate (awsvpc) tasks cannot set <c>dnsSearchDomains</c>, but the
/// containers of a task share one network namespace and one <c>resolv.conf</c>, so a non-essential init container
/// edits it (in place: it is a bind mount) and the service's container starts after it exited 0 (<c>SUCCESS</c>).
/// This works for glibc and musl images alike, which <c>LOCALDOMAIN</c> would not. The image is
/// <see cref="SecretsInit.DefaultImage"/> unless the top-level <c>x-aws-dns_init_image</c> names another with sh, grep and awk.
/// </summary>
internal static class DnsSearch
{
    public const string ContainerName = "compose-ecs-dns-search";

    /// <summary>Idempotent (a restarted task finds the namespace already there); keeps the VPC's own search domains after it.</summary>
    public static string Script(string searchDomain) =>
        "set -e\n" +
        $"ns='{searchDomain}'\n" +
        "grep -Eq \"^search([[:space:]].*)?[[:space:]]$ns([[:space:]]|$)\" /etc/resolv.conf && exit 0\n" +
        "awk -v ns=\"$ns\" '/^search[ \\t]/ { $0 = \"search \" ns substr($0, 7); done = 1 } { print } " +
        "END { if (!done) print \"search \" ns }' /etc/resolv.conf > /tmp/resolv.conf\n" +
        "cat /tmp/resolv.conf > /etc/resolv.conf\n";

    public static string Image(AwsSettings aws) => aws.DnsInitImage?.Value ?? SecretsInit.DefaultImage;

    public static ContainerDefinition Container(TransformContext context, ServicePlan plan) => new()
    {
        Name = ContainerName,
        Image = Image(context.Aws),
        Essential = false,
        EntryPoint = ["/bin/sh", "-c"],
        Command = [Script(ServiceDiscovery.NamespaceName(context.Project.Name))],
        LogConfiguration = plan.Container.LogConfiguration,
    };

    /// <summary>The dependency every container that resolves names needs.</summary>
    public static ContainerDependency Dependency => new(ContainerName, "SUCCESS");

    /// <summary>Plan step: the init container first in the task, and the service's container waits for it.</summary>
    public static ServicePlan Plan(TransformContext context, ServicePlan plan) =>
        plan.WithContainer(c => c with { DependsOn = [.. c.DependsOn ?? [], Dependency] }) with
        {
            Sidecars = [Container(context, plan), .. plan.Sidecars],
        };
}
