using System.Text.Json;

namespace ComposeEcs.FakeAws;

internal enum WireProtocol { Query, Ec2, Json }

/// <summary>A routed request: service and action decided, parameters parsed.</summary>
internal sealed record AwsRequest(
    string Service,
    string Action,
    WireProtocol Protocol,
    QueryParams Form,
    JsonElement Json,
    string RequestId);

/// <summary>What goes back on the wire.</summary>
internal sealed record WireResponse(int Status, string ContentType, string Body, string RequestId);
