namespace ComposeEcs.Aws.Clients;

public sealed record EcsFailure(string? Arn, string? Reason, string? Detail);

public sealed record EcsDeployment(string Id, string Status, string? RolloutState, int DesiredCount, int RunningCount, int PendingCount, int FailedTasks);

public sealed record EcsServiceEvent(string Id, DateTimeOffset? CreatedAt, string Message);

public sealed record EcsService(
    string ServiceArn,
    string ServiceName,
    string ClusterArn,
    string Status,
    int DesiredCount,
    int RunningCount,
    int PendingCount,
    string? LaunchType,
    string? TaskDefinition,
    IReadOnlyList<EcsDeployment> Deployments,
    IReadOnlyList<EcsServiceEvent> Events);

public sealed record EcsContainer(
    string Name, string? LastStatus, int? ExitCode, string? Reason, string? HealthStatus, IReadOnlyList<string> PrivateIpv4Addresses);

public sealed record EcsTask(
    string TaskArn,
    string ClusterArn,
    string TaskDefinitionArn,
    string? Group,
    string LastStatus,
    string DesiredStatus,
    string? HealthStatus,
    string? LaunchType,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    string? StoppedReason,
    IReadOnlyList<EcsContainer> Containers);

public sealed record EcsCluster(
    string ClusterArn, string ClusterName, string Status, int RunningTasksCount, int PendingTasksCount, int ActiveServicesCount);

public sealed record DescribeResult<T>(IReadOnlyList<T> Items, IReadOnlyList<EcsFailure> Failures);
