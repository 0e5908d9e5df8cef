using ComposeEcs.CloudFormation;

namespace ComposeEcs.Deploy;

/// <summary>Where the value of a template parameter comes from.</summary>
public enum ParameterSource
{
    /// <summary>Not ours to fill: CloudFormation resolves it (SSM-typed) or its default applies.</summary>
    TemplateDefault,
    /// <summary>The account's default VPC id.</summary>
    DefaultVpc,
    /// <summary>The default VPC's default subnets, comma separated.</summary>
    DefaultSubnets,
    /// <summary>An AMI id read from an SSM public parameter (the ECS GPU-optimised AMI).</summary>
    SsmAmi,
    /// <summary>The content of a compose secret (file, environment variable); NoEcho, never printed. Only for hand-written templates (x-aws-cloudformation).</summary>
    Secret,
    /// <summary>The ARN of the Secrets Manager secret <c>up</c> wrote a compose secret's content to (<see cref="ComposeSecrets"/>).</summary>
    SecretArn,
    /// <summary>The image <c>up</c> built and pushed for a <c>build:</c> service, by digest.</summary>
    BuiltImage,
    /// <summary>The id of the EFS file system whose Name tag is an external volume's name.</summary>
    FileSystemByName,
}

/// <summary>One row of the table: a parameter-name convention and where its value comes from.</summary>
public sealed record ParameterConvention(string Description, Func<string, Parameter, bool> Matches, ParameterSource Source);

/// <summary>
/// The conventions <c>up</c> uses to fill template parameters. The transform only declares parameters;
/// this table is the one place that knows what their names mean. First match wins.
/// </summary>
public static class ParameterConventions
{
    /// <summary>The public SSM parameter of the recommended ECS GPU-optimised Amazon Linux 2 AMI.</summary>
    public const string GpuAmiSsmParameter = "/aws/service/ecs/optimized-ami/amazon-linux-2/gpu/recommended/image_id";

    public static IReadOnlyList<ParameterConvention> All { get; } =
    [
        new("SSM-typed parameters are resolved by CloudFormation itself",
            (_, p) => p.Type.StartsWith("AWS::SSM::Parameter::", StringComparison.Ordinal), ParameterSource.TemplateDefault),
        new("Described \"built from <context>\": the image up built and pushed",
            (_, p) => p.Description?.StartsWith(Ecs.BuiltImages.DescriptionPrefix, StringComparison.Ordinal) == true, ParameterSource.BuiltImage),
        new("Described \"id of the EFS file system tagged Name=<name>\": that file system",
            (_, p) => p.Description?.StartsWith(Ecs.ExternalVolumes.DescriptionPrefix, StringComparison.Ordinal) == true, ParameterSource.FileSystemByName),
        new("VpcId: the default VPC", (name, _) => name == "VpcId", ParameterSource.DefaultVpc),
        new("SubnetIds: the default VPC's default subnets", (name, _) => name == "SubnetIds", ParameterSource.DefaultSubnets),
        new("*Ami / *AmiId / *ImageId, or type AWS::EC2::Image::Id: the ECS GPU AMI from SSM",
            (name, p) => p.Type == "AWS::EC2::Image::Id" || EndsWithAny(name, "Ami", "AmiId", "ImageId"), ParameterSource.SsmAmi),
        new("<Secret>SecretArn: the ARN of the secret up writes that compose secret's content to",
            (name, p) => !p.NoEcho && name.EndsWith("SecretArn", StringComparison.Ordinal), ParameterSource.SecretArn),
        new("NoEcho parameters: a compose secret's content", (_, p) => p.NoEcho, ParameterSource.Secret),
    ];

    public static ParameterSource SourceOf(string name, Parameter parameter) =>
        All.FirstOrDefault(c => c.Matches(name, parameter))?.Source ?? ParameterSource.TemplateDefault;

    /// <summary>
    /// Whether a NoEcho parameter carries the given compose secret: its name is the secret key's letters and digits,
    /// case-insensitively, optionally followed by Secret, Value, SecretValue, SecretString or Parameter.
    /// </summary>
    public static bool IsParameterOfSecret(string parameterName, string secretKey)
    {
        var key = new string(secretKey.Where(char.IsAsciiLetterOrDigit).ToArray());
        if (key.Length == 0 || !parameterName.StartsWith(key, StringComparison.OrdinalIgnoreCase)) return false;
        var rest = parameterName[key.Length..];
        return rest is "" or "Secret" or "Value" or "SecretValue" or "SecretString" or "Parameter" or "Param";
    }

    private static bool EndsWithAny(string name, params string[] suffixes) =>
        suffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));
}
