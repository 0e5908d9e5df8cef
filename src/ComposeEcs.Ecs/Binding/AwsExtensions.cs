namespace ComposeEcs.Ecs;

/// <summary>The names of the <c>x-aws-*</c> extensions the transform reads (<see cref="AwsBinder"/> parses each).</summary>
internal static class AwsExtensions
{
    // Top level
    public const string Vpc = "x-aws-vpc";
    public const string Subnets = "x-aws-subnets";
    public const string Cluster = "x-aws-cluster";
    public const string LoadBalancer = "x-aws-loadbalancer";
    public const string LoadBalancerScheme = "x-aws-loadbalancer-scheme";
    public const string LogsRetention = "x-aws-logs_retention";
    public const string SecretsInitImage = "x-aws-secrets_init_image";
    public const string DnsInitImage = "x-aws-dns_init_image";
    public const string CloudFormation = "x-aws-cloudformation";

    // On a network
    public const string SecurityGroup = "x-aws-securitygroup";

    // On a secret (and, for the pull credentials' key, on a service)
    public const string Keys = "x-aws-keys";
    public const string KmsKey = "x-aws-kms-key";

    // On a service (the percentages also under deploy)
    public const string PullCredentials = "x-aws-pull_credentials";
    public const string Policies = "x-aws-policies";
    public const string Role = "x-aws-role";
    public const string MinPercent = "x-aws-min_percent";
    public const string MaxPercent = "x-aws-max_percent";
    public const string Healthcheck = "x-aws-healthcheck";
    public const string DeregistrationDelay = "x-aws-deregistration_delay";
    public const string Autoscaling = "x-aws-autoscaling";

    // On a port
    public const string Protocol = "x-aws-protocol";
    public const string Certificate = "x-aws-certificate";
    public const string Redirect = "x-aws-redirect";
}
