using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ComposeEcs.CloudFormation;
using ComposeEcs.CloudFormation.Resources.Ecs;
using ComposeEcs.Compose.Model;
using EcsKeyValuePair = ComposeEcs.CloudFormation.Resources.Ecs.KeyValuePair;

namespace ComposeEcs.Ecs;

/// <summary>
/// Binary secrets (files that are not UTF-8 text, e.g. <c>.p12</c>, <c>.jks</c>; <see cref="TransformOptions.BinarySecrets"/>)
/// live in Secrets Manager as <c>SecretBinary</c>, which ECS cannot inject into a container
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-app-secrets-manager.html: only SecretString).
/// So a second init container, on the AWS CLI image, reads each one with the task role
/// (<c>aws secretsmanager get-secret-value --query SecretBinary</c>, base64 on the wire) and writes its bytes to
/// <c>/run/secrets/&lt;target&gt;</c>; the service container waits for it like for the text secrets' init container.
/// </summary>
internal static class SecretsFetch
{
    public const string ContainerName = "compose-ecs-secrets-fetch";
    public const string Image = "public.ecr.aws/aws-cli/aws-cli:2.22.35";

    public static bool IsBinary(TransformContext context, FileReference reference) =>
        context.Options.BinarySecrets.Contains(reference.Source) && !context.Project.Secrets[reference.Source].External
        && context.Aws.Of(context.Project.Secrets[reference.Source]).Keys is null;

    public static ContainerDefinition Container(TransformContext context, ServicePlan plan, ImmutableArray<FileReference> binary)
    {
        var environment = new List<EcsKeyValuePair> { new("AWS_REGION", Fn.Ref("AWS::Region")) };
        var script = new StringBuilder("set -e\n");
        foreach (var reference in binary)
        {
            var variable = $"SECRET_ARN_{environment.Count}";
            environment.Add(new EcsKeyValuePair(variable, Secrets.Arn(context.Project.Secrets[reference.Source])));
            var path = $"{SecretsInit.Root}/{SecretsInit.Target(reference)}";
            script.Append(CultureInfo.InvariantCulture, $"mkdir -p {SecretsInit.Quote(path[..path.LastIndexOf('/')])}\n");
            script.Append(CultureInfo.InvariantCulture,
                $"aws secretsmanager get-secret-value --secret-id \"${variable}\" --query SecretBinary --output text | base64 -d > {SecretsInit.Quote(path)}\n");
            script.Append(SecretsInit.Ownership(reference, path, directory: false));
        }
        return new ContainerDefinition
        {
            Name = ContainerName,
            Image = Image,
            Essential = false,
            EntryPoint = ["/bin/sh", "-c"],
            Command = [script.ToString()],
            Environment = environment,
            MountPoints = [new MountPoint { ContainerPath = SecretsInit.Root, SourceVolume = SecretsInit.VolumeName }],
            LogConfiguration = plan.Container.LogConfiguration,
        };
    }
}
