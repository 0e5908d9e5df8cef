namespace ComposeEcs;

/// <summary>A stable identifier of a kind of problem (<c>CE1040</c>) and the one-line title the README's error reference gives it.</summary>
public sealed record DiagnosticCode(string Id, string Title)
{
    public override string ToString() => Id;
}

/// <summary>
/// Every code a diagnostic may carry, assigned where the diagnostic is made. Numbers never change meaning once released:
/// <c>CE1xxx</c> loading compose files, <c>CE2xxx</c> converting to CloudFormation, <c>CE3xxx</c> deploying,
/// <c>CE4xxx</c> the command line. The README's "Error reference" lists them all (a test keeps the two in step).
/// </summary>
public static class DiagnosticCodes
{
    // Loading (CE1xxx)
    public static readonly DiagnosticCode FileNotFound = new("CE1001", "A compose file or env file cannot be found or read (missing, not a regular file, over 4 MB)");
    public static readonly DiagnosticCode YamlSyntax = new("CE1002", "The file is not valid YAML (syntax, duplicate key, merge key)");
    public static readonly DiagnosticCode InputTooLarge = new("CE1003", "The input is past a load limit (YAML nodes or characters after aliases, services, ports)");
    public static readonly DiagnosticCode NotAComposeFile = new("CE1004", "A compose file is empty or its top level is not a mapping");
    public static readonly DiagnosticCode SeveralComposeFiles = new("CE1005", "Several default compose file names in one directory; the first is used");
    public static readonly DiagnosticCode Interpolation = new("CE1010", "A ${...} expression is invalid, or a required variable is missing");
    public static readonly DiagnosticCode VariableNotSet = new("CE1011", "A variable is not set and becomes an empty string");
    public static readonly DiagnosticCode EnvFileSyntax = new("CE1012", "A line of an env file cannot be read");
    public static readonly DiagnosticCode Include = new("CE1020", "An include entry is invalid, cyclic, or conflicts with this file");
    public static readonly DiagnosticCode Extends = new("CE1021", "An extends entry is invalid, cyclic, too deep, or names no service");
    public static readonly DiagnosticCode ProjectName = new("CE1030", "The project name is invalid or cannot be derived");
    public static readonly DiagnosticCode InvalidValue = new("CE1040", "A field's value has the wrong type or format");
    public static readonly DiagnosticCode UnknownField = new("CE1041", "A field the compose specification does not define");
    public static readonly DiagnosticCode ObsoleteField = new("CE1042", "An obsolete field, ignored (version)");
    public static readonly DiagnosticCode InvalidServiceName = new("CE1043", "A service name with characters compose does not allow");
    public static readonly DiagnosticCode ServiceWithoutImage = new("CE1044", "A service with neither image nor build");
    public static readonly DiagnosticCode Dependency = new("CE1050", "depends_on names a missing service, the service itself, or makes a cycle");
    public static readonly DiagnosticCode ServiceSelection = new("CE1060", "A service named on the command line does not exist or is not enabled by a profile");
    public static readonly DiagnosticCode LoaderInternal = new("CE1099", "Internal error while loading (a bug: please report it)");

    // Converting (CE2xxx)
    public static readonly DiagnosticCode NoServices = new("CE2001", "The project has no services to run");
    public static readonly DiagnosticCode NotOnFargate = new("CE2002", "A setting Fargate cannot give (privileged, host devices, kernel capabilities, ...)");
    public static readonly DiagnosticCode Ignored = new("CE2003", "A setting is ignored on ECS; the warning says what is lost");
    public static readonly DiagnosticCode NotSupported = new("CE2004", "A field compose-ecs does not support");
    public static readonly DiagnosticCode ProjectLimits = new("CE2010", "The project is past what one load balancer or stack takes");
    public static readonly DiagnosticCode LogicalIdClash = new("CE2011", "Two names become the same CloudFormation logical id or parameter");
    public static readonly DiagnosticCode Vpc = new("CE2020", "x-aws-vpc / x-aws-subnets are incomplete or invalid");
    public static readonly DiagnosticCode ExistingResource = new("CE2021", "x-aws-cluster, x-aws-loadbalancer or x-aws-securitygroup is invalid or cannot serve a port");
    public static readonly DiagnosticCode Port = new("CE2030", "A port cannot be published through the load balancer as written");
    public static readonly DiagnosticCode PortCaveat = new("CE2031", "A published port works with a caveat (listener quota, UDP health checks, plain HTTP on 443)");
    public static readonly DiagnosticCode HttpsRedirect = new("CE2032", "x-aws-redirect is invalid or cannot be served");
    public static readonly DiagnosticCode TargetHealth = new("CE2033", "x-aws-healthcheck (target health) is invalid");
    public static readonly DiagnosticCode LoopbackPort = new("CE2034", "A port bound to a loopback address is not published");
    public static readonly DiagnosticCode TaskSize = new("CE2040", "Resources beyond the largest Fargate task, an invalid CPU setting, or memory no larger than a JVM heap");
    public static readonly DiagnosticCode ContainerSetting = new("CE2041", "A container setting is left out or bounded to what ECS accepts");
    public static readonly DiagnosticCode Service = new("CE2042", "A service setting is invalid (deployment percentages, replicas, depends_on)");
    public static readonly DiagnosticCode Logging = new("CE2043", "x-aws-logs_retention, or an awslogs-group / awslogs-stream-prefix / awslogs-create-group option, is invalid");
    public static readonly DiagnosticCode Iam = new("CE2044", "x-aws-policies or x-aws-role is invalid");
    public static readonly DiagnosticCode Autoscaling = new("CE2045", "x-aws-autoscaling is invalid");
    public static readonly DiagnosticCode Gpu = new("CE2046", "A GPU reservation cannot be met");
    public static readonly DiagnosticCode GpuNetworking = new("CE2047", "GPU services run on EC2 instances without public IPs");
    public static readonly DiagnosticCode ServiceName = new("CE2050", "Service names that cannot be told apart in DNS");
    public static readonly DiagnosticCode ServiceDnsName = new("CE2051", "A service name is not a DNS label; other services reach it by another name");
    public static readonly DiagnosticCode DnsAlias = new("CE2052", "A network or links alias is invalid or clashes");
    public static readonly DiagnosticCode Job = new("CE2053", "A one-shot job cannot run inside the tasks that depend on it");
    public static readonly DiagnosticCode Secret = new("CE2060", "A secret is invalid (source, target, x-aws-keys, pull credentials)");
    public static readonly DiagnosticCode SecretSourceMissing = new("CE2061", "A secret's file does not exist yet; up will need it");
    public static readonly DiagnosticCode Volume = new("CE2062", "A volume is invalid (driver options, external name)");
    public static readonly DiagnosticCode Config = new("CE2063", "A config is invalid");
    public static readonly DiagnosticCode BindMount = new("CE2064", "A bind mount Fargate cannot give, or too large to deliver");
    public static readonly DiagnosticCode BindMountData = new("CE2065", "A bind mount of a path that does not exist here becomes EFS data");
    public static readonly DiagnosticCode BindMountCopy = new("CE2066", "A bind-mounted file is delivered as a copy; writes are not kept");
    public static readonly DiagnosticCode AnonymousVolume = new("CE2067", "An anonymous volume lives on the task's storage and is lost when it stops");
    public static readonly DiagnosticCode FileDelivery = new("CE2068", "Configs and bind-mounted files cannot be delivered (clash, size)");
    public static readonly DiagnosticCode Overlay = new("CE2070", "x-aws-cloudformation is not shaped like a template");
    public static readonly DiagnosticCode TemplateCheck = new("CE2090", "The generated template fails a check (a bug: please report it)");

    // Deploying (CE3xxx)
    public static readonly DiagnosticCode AwsConfiguration = new("CE3001", "No usable AWS region, credentials, profile or endpoint");
    public static readonly DiagnosticCode AwsRequest = new("CE3002", "AWS refused a request");
    public static readonly DiagnosticCode DeployInput = new("CE3010", "What up needs from the account or the disk is missing or unusable (default VPC, a VPC without DNS, secret file, file system)");
    public static readonly DiagnosticCode DockerMissing = new("CE3020", "Services need a build but docker is not on PATH");
    public static readonly DiagnosticCode ImageBuild = new("CE3021", "Building or pushing an image failed");
    public static readonly DiagnosticCode StackFailed = new("CE3030", "The stack operation failed (a resource failed, the stack rolled back)");
    public static readonly DiagnosticCode ConfirmationRequired = new("CE3040", "down -v needs a terminal to confirm, or --yes");

    // Command line (CE4xxx)
    public static readonly DiagnosticCode Usage = new("CE4001", "Unknown command or option, or a missing argument");
    public static readonly DiagnosticCode InvalidOption = new("CE4002", "An option's value cannot be read (--since, --until, --tail)");
    public static readonly DiagnosticCode NoSuchService = new("CE4003", "A service named on the command line is not in the project");
    public static readonly DiagnosticCode CannotWrite = new("CE4004", "An output file or directory cannot be written");
    public static readonly DiagnosticCode Internal = new("CE4099", "Internal error (a bug: please report it with COMPOSE_ECS_DEBUG=1)");
}
