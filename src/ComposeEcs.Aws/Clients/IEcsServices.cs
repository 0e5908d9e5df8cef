namespace ComposeEcs.Aws.Clients;

/// <summary>The ECS reads <c>ps</c> makes; <see cref="EcsClient"/> is the one implementation in src.</summary>
public interface IEcsServices
{
    Task<DescribeResult<EcsService>> DescribeServicesAsync(string cluster, IEnumerable<string> services, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<string>> ListTasksAsync(string cluster, string? serviceName = null, string? desiredStatus = null, CancellationToken cancellationToken = default);
    Task<DescribeResult<EcsTask>> DescribeTasksAsync(string cluster, IEnumerable<string> tasks, CancellationToken cancellationToken = default);
}
