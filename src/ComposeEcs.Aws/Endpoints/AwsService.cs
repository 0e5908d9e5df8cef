namespace ComposeEcs.Aws.Endpoints;

/// <summary>One AWS service as this tool talks to it.</summary>
/// <param name="SigningName">The SigV4 credential-scope service name.</param>
/// <param name="EndpointPrefix">The host prefix of the standard regional endpoint.</param>
/// <param name="EnvironmentId">The suffix of AWS_ENDPOINT_URL_&lt;SERVICE&gt; (the SDK service id in upper snake case).</param>
public sealed record AwsService(string SigningName, string EndpointPrefix, string EnvironmentId)
{
    public static readonly AwsService CloudFormation = new("cloudformation", "cloudformation", "CLOUDFORMATION");
    public static readonly AwsService Ecs = new("ecs", "ecs", "ECS");
    public static readonly AwsService Logs = new("logs", "logs", "CLOUDWATCH_LOGS");
    public static readonly AwsService SecretsManager = new("secretsmanager", "secretsmanager", "SECRETS_MANAGER");
    public static readonly AwsService ElasticLoadBalancingV2 = new("elasticloadbalancing", "elasticloadbalancing", "ELASTIC_LOAD_BALANCING_V2");
    public static readonly AwsService Ec2 = new("ec2", "ec2", "EC2");
    public static readonly AwsService Ssm = new("ssm", "ssm", "SSM");
    public static readonly AwsService Sts = new("sts", "sts", "STS");
    public static readonly AwsService Ecr = new("ecr", "api.ecr", "ECR");
    public static readonly AwsService Tagging = new("tagging", "tagging", "RESOURCE_GROUPS_TAGGING_API");

    public static readonly AwsService S3 = new("s3", "s3", "S3");

    public static readonly AwsService Efs = new("elasticfilesystem", "elasticfilesystem", "EFS");

    public static IReadOnlyList<AwsService> All { get; } =
        [CloudFormation, Ecs, Logs, SecretsManager, ElasticLoadBalancingV2, Ec2, Ssm, Sts, Ecr, Tagging, S3, Efs];
}
