using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ComposeEcs.FakeAws.Services;

/// <summary>SSM GetParameter(s) with the public ECS AMI parameters (JSON 1.1, AmazonSSM).</summary>
internal sealed class SsmApi(string region) : IServiceHandler
{
    private readonly ConcurrentDictionary<string, string> _parameters = new(StringComparer.Ordinal)
    {
        ["/aws/service/ecs/optimized-ami/amazon-linux-2/gpu/recommended/image_id"] = "ami-0gpu0000000000001",
        ["/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id"] = "ami-0ecs0000000000001",
        ["/aws/service/ecs/optimized-ami/amazon-linux-2/arm64/recommended/image_id"] = "ami-0arm0000000000001",
        ["/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"] = "ami-0al20230000000001",
        ["/aws/service/ecs/optimized-ami/amazon-linux-2/inf/recommended/image_id"] = "ami-0inf0000000000001",
    };

    public string Service => "ssm";

    public void Set(string name, string value) => _parameters[name] = value;

    public string? Find(string name) => _parameters.TryGetValue(name, out var value) ? value : null;

    public WireResponse Handle(AwsRequest request) => request.Action switch
    {
        "GetParameter" => JsonProtocol.Ok(request, new JsonObject
        {
            ["Parameter"] = Parameter(request.Json.RequiredStr("Name"))
                ?? throw new AwsError("ParameterNotFound", $"Parameter {request.Json.Str("Name")} not found."),
        }),
        "GetParameters" => GetParameters(request),
        _ => throw new AwsError("UnknownOperationException", $"Unknown operation {request.Action}"),
    };

    private WireResponse GetParameters(AwsRequest request)
    {
        var names = request.Json.Strings("Names");
        return JsonProtocol.Ok(request, new JsonObject
        {
            ["Parameters"] = JsonProtocol.Array(names.Select(Parameter).Where(p => p is not null)),
            ["InvalidParameters"] = JsonProtocol.Array(names.Where(n => !_parameters.ContainsKey(n)).Select(n => (JsonNode?)n)),
        });
    }

    private JsonObject? Parameter(string name) => _parameters.TryGetValue(name, out var value)
        ? new JsonObject
        {
            ["Name"] = name,
            ["Type"] = "String",
            ["Value"] = value,
            ["Version"] = 1,
            ["LastModifiedDate"] = JsonProtocol.Epoch(DateTimeOffset.UtcNow.AddDays(-3)),
            ["ARN"] = $"arn:aws:ssm:{region}::parameter{name}",
            ["DataType"] = name.EndsWith("image_id", StringComparison.Ordinal) ? "aws:ec2:image" : "text",
        }
        : null;
}
