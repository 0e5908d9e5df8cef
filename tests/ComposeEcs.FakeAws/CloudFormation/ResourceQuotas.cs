using System.Text;
using System.Text.Json.Nodes;

namespace ComposeEcs.FakeAws.CloudFormation;

/// <summary>
/// Quotas a resource's own service enforces when CloudFormation creates or updates it, failing that resource (and so
/// the stack operation) with the service's error as CloudFormation reports it.
/// </summary>
internal static class ResourceQuotas
{
    /// <summary>
    /// ECS refuses a task definition over 64 KiB (Amazon ECS service quotas, "Task definition size"; the error ECS
    /// returns, a ClientException "Actual length: '66420'. Max allowed length is '65536' bytes.", is quoted in
    /// awsdocs/amazon-ecs-developer-guide pull request #149). ECS measures the RegisterTaskDefinition request; the
    /// resolved properties as compact JSON are that request with CloudFormation's capitalised keys, the same length.
    /// </summary>
    public const int MaxTaskDefinitionBytes = 65_536;

    /// <summary>The failure reason when the resource breaks its service's quota, else null.</summary>
    public static string? Failure(string type, JsonNode? properties) => type switch
    {
        "AWS::ECS::TaskDefinition" when properties is not null && Encoding.UTF8.GetByteCount(properties.ToJsonString()) is var length && length > MaxTaskDefinitionBytes =>
            $"Resource handler returned message: \"Actual length: '{length}'. Max allowed length is '{MaxTaskDefinitionBytes}' bytes. " +
            "(Service: Ecs, Status Code: 400, Error Code: ClientException)\" (HandlerErrorCode: InvalidRequest)",
        _ => null,
    };
}
