using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ComposeEcs.CloudFormation;
using ComposeEcs.Compose;

namespace ComposeEcs.Ecs;

/// <summary>
/// ECS refuses a task definition over 64 KiB (Amazon ECS service quotas, "Task definition size"; RegisterTaskDefinition
/// answers ClientException "Actual length: '66420'. Max allowed length is '65536' bytes.", quoted in
/// awsdocs/amazon-ecs-developer-guide pull request #149), which would fail <c>up</c> only after the stack had started
/// and roll everything back. What grows one that far is the service's own content: environment (env_file), labels,
/// commands, files delivered through the task definition. Measured as the compact JSON of its properties, a little
/// under what ECS counts (references become longer ARNs), so what this refuses ECS would refuse too.
/// </summary>
internal static class TaskDefinitionSize
{
    public const int MaxBytes = 65_536;

    /// <summary>Finish step: an error at the service for each task definition over the quota.</summary>
    public static Result<Template> Finish(TransformContext context, Template template)
    {
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        foreach (var service in context.Project.Services.Values)
        {
            if (!template.Resources.TryGetValue(LogicalIds.TaskDefinition(service.Name), out var taskDefinition)) continue;
            var bytes = Encoding.UTF8.GetByteCount(TemplateWriter.ToCompactJson(taskDefinition.Properties));
            if (bytes > MaxBytes)
                diagnostics = diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ContainerSetting,
                    $"service \"{service.Name}\": its task definition would be {bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes; ECS takes at most " +
                    $"{MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} (64 KiB): make its environment, labels or delivered files smaller (large values belong in a secret or a config file in the image)",
                    service.Location));
        }
        return diagnostics.IsEmpty ? new(template, []) : new(null, diagnostics);
    }
}
