using System.Collections.Immutable;
using static ComposeEcs.CloudFormation.Timing.TemplateValues;

namespace ComposeEcs.CloudFormation.Timing;

/// <summary>What CloudFormation does to a resource.</summary>
public enum ResourceOperation { Create, Update, Delete }

/// <summary>
/// The modeled time of one resource of a template: <see cref="ResourceTimes"/> for most types, what the service waits
/// for (<see cref="EcsServiceTime"/>) for an ECS service. The deploy-time model and the emulator's scaled clock both
/// read it, so a test against the emulator runs the same chain the model computes.
/// </summary>
public static class ResourceDurations
{
    /// <summary>What an ECS service waits for; empty for any other type.</summary>
    public static ImmutableArray<Wait> Waits(MapExpr tree, string logicalId, ResourceOperation operation)
    {
        if (Resource(tree, logicalId) is not { } resource || Type(resource) != "AWS::ECS::Service" || Kept(resource, operation)) return [];
        return operation switch
        {
            ResourceOperation.Create => EcsServiceTime.Create(tree, resource),
            ResourceOperation.Update => EcsServiceTime.Update(tree, resource),
            _ => EcsServiceTime.Delete(tree, resource),
        };
    }

    /// <summary>Seconds CloudFormation typically spends on the resource; <see cref="ResourceTimes.Unknown"/> for a type it does not know.</summary>
    public static double Seconds(MapExpr tree, string logicalId, ResourceOperation operation)
    {
        var resource = Resource(tree, logicalId);
        if (resource is not null && Kept(resource, operation)) return 0;
        var type = resource is null ? "" : Type(resource);
        if (type == "AWS::ECS::Service") return EcsServiceTime.Seconds(Waits(tree, logicalId, operation));
        var time = ResourceTimes.For(type);
        return operation switch { ResourceOperation.Create => time.Create, ResourceOperation.Update => time.Update, _ => time.Delete };
    }

    /// <summary>A resource with <c>DeletionPolicy: Retain</c> is not deleted (DELETE_SKIPPED): it takes no time.</summary>
    private static bool Kept(MapExpr resource, ResourceOperation operation) =>
        operation == ResourceOperation.Delete && resource["DeletionPolicy"] is Str { Value: "Retain" };
}
