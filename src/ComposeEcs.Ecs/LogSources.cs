using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose.Model;

namespace ComposeEcs.Ecs;

/// <summary>Where a service's containers log: the CloudWatch log group and the awslogs stream prefix.</summary>
public sealed record LogSource(string Group, string StreamPrefix)
{
    /// <summary>
    /// The stream name prefix of one container: awslogs on ECS names streams <c>prefix/container-name/task-id</c>
    /// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html).
    /// </summary>
    public string StreamsOf(string service) => $"{StreamPrefix}/{Containers.Name(service)}/";
}

/// <summary>
/// The contract between convert and <c>logs</c> for log groups: the template publishes, as stack outputs, the source
/// every service without its own awslogs options uses (output <see cref="DefaultOutput"/>) and one output per service
/// whose <c>awslogs-group</c> or <c>awslogs-stream-prefix</c> differs; <c>logs</c> reads them back with
/// <see cref="Read"/> instead of deriving the group from the project name. Values are literal JSON
/// (<c>{"group":"…","streamPrefix":"…"}</c>), so the outputs stay in the root stack when a large template is nested,
/// and only services with their own logging add one (CloudFormation allows 200 outputs per stack).
/// </summary>
public static class LogSources
{
    public const string DefaultOutput = "Logs";
    private const string ServicePrefix = "compose-ecs logs of service ";
    private const string DefaultDescription = "compose-ecs logs of every service without its own awslogs-group or awslogs-stream-prefix";

    internal static Template Emit(TransformContext context, ImmutableArray<ServicePlan> plans)
    {
        var fallback = Logging.Default(context.Project);
        var outputs = Sorted.Empty<Output>().Add(DefaultOutput, new Output(Value(fallback)) { Description = DefaultDescription });
        foreach (var plan in plans)
        {
            var source = Logging.Target(context.Project, plan.Service).Source;
            if (source != fallback)
                outputs = outputs.Add($"{plan.Id}Logs", new Output(Value(source)) { Description = ServicePrefix + plan.Service.Name });
        }
        return new Template { Outputs = outputs };
    }

    private static string Value(LogSource source) =>
        new JsonObject { ["group"] = source.Group, ["streamPrefix"] = source.StreamPrefix }.ToJsonString();

    /// <summary>The log sources a deployed stack declares.</summary>
    /// <param name="outputs">The stack's outputs: key, value, description.</param>
    /// <returns>The default source (null for a stack deployed before these outputs existed) and each service's own.</returns>
    public static (LogSource? Default, IReadOnlyDictionary<string, LogSource> Services) Read(IEnumerable<(string Key, string Value, string? Description)> outputs)
    {
        LogSource? fallback = null;
        var services = new SortedDictionary<string, LogSource>(StringComparer.Ordinal);
        foreach (var (key, value, description) in outputs)
        {
            if (Parse(value) is not { } source) continue;
            if (key == DefaultOutput && description == DefaultDescription) fallback = source;
            else if (description?.StartsWith(ServicePrefix, StringComparison.Ordinal) == true) services[description[ServicePrefix.Length..]] = source;
        }
        return (fallback, services);
    }

    private static LogSource? Parse(string value)
    {
        try
        {
            return JsonNode.Parse(value) is JsonObject o && o["group"]?.GetValue<string>() is { } group && o["streamPrefix"]?.GetValue<string>() is { } prefix
                ? new LogSource(group, prefix)
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
