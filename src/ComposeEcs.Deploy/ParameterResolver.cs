using ComposeEcs.Aws;
using ComposeEcs.Aws.Clients;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose.Model;
using ComposeEcs.Ecs;

namespace ComposeEcs.Deploy;

/// <summary>The stack parameters for a template, or the one-line reason they cannot be filled.</summary>
public sealed record ParameterResolution(IReadOnlyList<StackParameter> Parameters, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>Fills a template's parameters following <see cref="ParameterConventions"/>.</summary>
/// <param name="getEnvironment">Environment lookup for secrets declared with <c>environment:</c>.</param>
public sealed class ParameterResolver(AwsContext aws, Func<string, string?> getEnvironment)
{
    private Task<string?>? _vpcCheck;
    private Vpc? _vpc;
    private IReadOnlyList<Subnet>? _subnets;
    private IReadOnlyList<SecretContent> _secretValues = [];

    /// <summary>Whether compose secrets are written to Secrets Manager (false for a dry run: their ARNs only).</summary>
    public bool WriteSecrets { get; init; } = true;

    public Task<ParameterResolution> ResolveAsync(Template template, ComposeProject project, CancellationToken cancellationToken) =>
        ResolveAsync(template, project, images: null, cancellationToken);

    /// <param name="images">The images <c>up</c> built, by parameter name (see <see cref="Images.ImageBuilder"/>).</param>
    public async Task<ParameterResolution> ResolveAsync(
        Template template, ComposeProject project, IReadOnlyDictionary<string, string>? images, CancellationToken cancellationToken)
    {
        // Every secret is read and size-checked, and the VPC checked, before anything is written or deployed.
        var (values, secretError) = ComposeSecrets.Read(project, getEnvironment);
        if (secretError is not null) return new ParameterResolution([], secretError);
        _secretValues = values;
        if (await CheckVpcAsync(template, project, cancellationToken).ConfigureAwait(false) is { } dnsError)
            return new ParameterResolution([], dnsError);
        var parameters = new List<StackParameter>();
        foreach (var (name, parameter) in template.Parameters)
        {
            var source = ParameterConventions.SourceOf(name, parameter);
            var (value, error) = source switch
            {
                ParameterSource.DefaultVpc => await DefaultVpcAsync(cancellationToken).ConfigureAwait(false),
                ParameterSource.DefaultSubnets => await DefaultSubnetsAsync(cancellationToken).ConfigureAwait(false),
                ParameterSource.SsmAmi => await AmiAsync(parameter, cancellationToken).ConfigureAwait(false),
                ParameterSource.Secret => Secret(name, project),
                ParameterSource.SecretArn => await SecretArnAsync(name, project, cancellationToken).ConfigureAwait(false),
                ParameterSource.BuiltImage => images?.GetValueOrDefault(name) is { } image
                    ? (image, null)
                    : (null, $"template parameter '{name}' is a built image, but no image was built for it"),
                ParameterSource.FileSystemByName => await FileSystemNames.ResolveAsync(aws, name, parameter, project, cancellationToken).ConfigureAwait(false),
                _ => (null, parameter.Default is null ? $"template parameter '{name}' has no default and compose-ecs does not know how to fill it" : null),
            };
            if (error is not null) return new ParameterResolution([], error);
            if (value is not null) parameters.Add(new StackParameter(name, value, NoEcho: parameter.NoEcho));
        }
        return new ParameterResolution(parameters, null);
    }

    /// <summary>
    /// Null when the stack's VPC resolves the project's names (<see cref="VpcDns"/>), else why not. Asked once per
    /// resolver: <c>up</c> asks before it builds images, and <see cref="ResolveAsync(Template, ComposeProject, IReadOnlyDictionary{string, string}?, CancellationToken)"/> reuses the answer.
    /// </summary>
    public Task<string?> CheckVpcAsync(Template template, ComposeProject project, CancellationToken cancellationToken) =>
        _vpcCheck ??= CheckVpcOnceAsync(template, project, cancellationToken);

    private async Task<string?> CheckVpcOnceAsync(Template template, ComposeProject project, CancellationToken cancellationToken) =>
        await VpcIdAsync(template, project, cancellationToken).ConfigureAwait(false) is { } vpcId
            ? await VpcDns.CheckAsync(aws.Ec2, vpcId, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>The VPC the stack goes into: <c>x-aws-vpc</c>, or the default VPC that fills the template's VpcId.</summary>
    private async Task<string?> VpcIdAsync(Template template, ComposeProject project, CancellationToken cancellationToken)
    {
        if (ProjectVpc.Of(project) is { } vpc) return vpc;
        if (!template.Parameters.Any(p => ParameterConventions.SourceOf(p.Key, p.Value) == ParameterSource.DefaultVpc)) return null;
        return (await DefaultVpcAsync(cancellationToken).ConfigureAwait(false)).Item1;
    }

    private async Task<(string?, string?)> DefaultVpcAsync(CancellationToken cancellationToken)
    {
        _vpc ??= await aws.Ec2.FindDefaultVpcAsync(cancellationToken).ConfigureAwait(false);
        return _vpc is null
            ? (null, $"region {aws.Region} has no default VPC: set x-aws-vpc and x-aws-subnets in the compose file (or run 'aws ec2 create-default-vpc')")
            : (_vpc.VpcId, null);
    }

    private async Task<(string?, string?)> DefaultSubnetsAsync(CancellationToken cancellationToken)
    {
        var (vpcId, error) = await DefaultVpcAsync(cancellationToken).ConfigureAwait(false);
        if (error is not null) return (null, error);
        _subnets ??= await aws.Ec2.DefaultSubnetsAsync(vpcId!, cancellationToken).ConfigureAwait(false);
        return _subnets.Count < 2
            ? (null, $"the default VPC {vpcId} has {_subnets.Count} default subnet(s); a load balancer needs two: set x-aws-subnets in the compose file")
            : (string.Join(",", _subnets.Select(s => s.SubnetId)), null);
    }

    private async Task<(string?, string?)> AmiAsync(Parameter parameter, CancellationToken cancellationToken)
    {
        var path = parameter.Default is Str { Value: var d } && d.StartsWith("/aws/service/", StringComparison.Ordinal)
            ? d
            : ParameterConventions.GpuAmiSsmParameter;
        try
        {
            var ssm = await aws.Ssm.GetParameterAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (ssm.Value, null);
        }
        catch (AwsServiceException e) when (e.Code == "ParameterNotFound")
        {
            return (null, $"the ECS GPU AMI parameter {path} does not exist in region {aws.Region}");
        }
    }

    private async Task<(string?, string?)> SecretArnAsync(string parameterName, ComposeProject project, CancellationToken cancellationToken)
    {
        var key = SecretParameters.Of(project).FirstOrDefault(p => p.ParameterName == parameterName)?.Secret;
        if (key is null || _secretValues.FirstOrDefault(v => v.Key == key) is not { } content)
            return (null, $"template parameter '{parameterName}' names no file or environment secret of the compose project");
        var secrets = new ComposeSecrets(aws, project.Name);
        return (WriteSecrets
            ? await secrets.WriteAsync(content, cancellationToken).ConfigureAwait(false)
            : await secrets.ArnWithoutWritingAsync(key, cancellationToken).ConfigureAwait(false), null);
    }

    private (string?, string?) Secret(string parameterName, ComposeProject project)
    {
        // The transform says which secret each parameter carries; the naming convention covers templates it did not make.
        var key = SecretParameters.Of(project).FirstOrDefault(p => p.ParameterName == parameterName)?.Secret;
        var secret = key is not null && project.Secrets.TryGetValue(key, out var declared)
            ? declared
            : project.Secrets.Values.FirstOrDefault(s => !s.External && ParameterConventions.IsParameterOfSecret(parameterName, s.Key));
        if (secret is null)
            return (null, $"template parameter '{parameterName}' is NoEcho but matches no secret of the compose project");
        if (secret.File is { } file)
        {
            if (!File.Exists(file) && !Directory.Exists(file))
                return (null, $"secret '{secret.Key}': file {file} does not exist");
            var (text, problem) = Compose.Bounds.InputFiles.ReadText(file, ComposeSecrets.MaxBytes);
            return text is null ? (null, $"secret '{secret.Key}': cannot read {file}: {problem}") : (text, null);
        }
        if (secret.Environment is { } variable)
            return getEnvironment(variable) is { } value
                ? (value, null)
                : (null, $"secret '{secret.Key}': environment variable {variable} is not set");
        return secret.Content is { } content ? (content, null) : (null, $"secret '{secret.Key}' has no file, environment or content");
    }
}
